export type { Seat, SeatUpdate } from './types';
export { createLocalSeat, type LocalSeat } from './local';
export { criterionDetails, endReason, forecast, mutualTrustOf, shortfall, type CriterionDetail } from './insight';
