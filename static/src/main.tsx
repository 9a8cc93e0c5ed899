// First: asks for the view context and starts the module's first reads before React is evaluated (boot.ts).
import './boot';
// Second: Atlaskit's CSS reset, before any component's CSS.
import { mount } from './components/mount';
import { App } from './App';

mount(<App />);
