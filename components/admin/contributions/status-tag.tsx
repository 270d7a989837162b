import { STATUS_LABEL, type ContributionStatus } from '@/lib/validation/contributions';

// GOV.UK-style tags; each pair of colours passes WCAG AA contrast.
const STYLE: Record<ContributionStatus, string> = {
  SUBMITTED: 'bg-blue-100 text-blue-900',
  ACCEPTED: 'bg-green-100 text-green-900',
  DECLINED: 'bg-red-100 text-red-900',
  WITHDRAWN: 'bg-gray-200 text-gray-900',
};

export function StatusTag({ status }: { status: ContributionStatus }) {
  return <strong className={`inline-block rounded px-2 py-1 text-sm font-bold ${STYLE[status]}`}>{STATUS_LABEL[status]}</strong>;
}
