// The one date module: parsing what people type, converting to and from
// Europe/London, and formatting in GOV.UK style.
export * from './format';
export * from './london';
export * from './parse';
export * from './schedule';
