// Form helpers live with the action state type (client-safe).
export { fieldError, IDLE, keptValue } from '@/lib/actions/state';
