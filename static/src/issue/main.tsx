// First: asks for the view context and starts the issue panel's first reads before React is evaluated (boot.ts).
import './boot';
// Second: Atlaskit's CSS reset, before any component's CSS.
import { mount } from '../components/mount';
import { IssueApp } from './IssueApp';

mount(<IssueApp />);
