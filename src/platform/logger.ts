/** The app's logger port: one function, given to every service by the composition root (src/wiring.ts). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, msg: string, data?: Record<string, unknown>) => void;

export const consoleLogger: Logger = (level, msg, data) => {
  const line = data === undefined ? msg : `${msg} ${JSON.stringify(data)}`;
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
};
