export type { Seat, SeatUpdate } from './types';
export { createLocalSeat, type LocalSeat } from './local';
export { criterionDetails, forecast, shortfall, type CriterionDetail } from './insight';
