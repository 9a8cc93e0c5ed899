'use strict';
// No credential store offline: every lookup finds nothing, every write is refused.
const refuse = () => Promise.reject(new Error('keytar stub: no OS credential store in offline checks'));
module.exports = {
  getPassword: () => Promise.resolve(null),
  findCredentials: () => Promise.resolve([]),
  findPassword: () => Promise.resolve(null),
  setPassword: refuse,
  deletePassword: () => Promise.resolve(false),
};
