import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { runKvStoreContract } from './kv-store.contract';

runKvStoreContract('InMemoryKvStore', () => new InMemoryKvStore());
