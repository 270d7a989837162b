// Stands in for `server-only` outside Next's react-server bundle (tests, scripts).
export {};
