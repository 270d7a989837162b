// A small topic vocabulary for tagging events and articles.
function topic<const S extends string>(slug: S, name: string): { slug: S; name: string } {
  return { slug, name };
}

export const TOPICS = [
  topic('safeguarding', 'Safeguarding'),
  topic('wellbeing', 'Wellbeing'),
  topic('participation', 'Participation'),
  topic('race-and-identity', 'Race and identity'),
  topic('mental-health', 'Mental health'),
  topic('leadership', 'Leadership'),
  topic('quality-assurance', 'Quality assurance'),
  topic('send', 'SEND'),
  topic('practice-development', 'Practice development'),
  topic('care-experience', 'Care experience'),
  topic('workforce', 'Workforce'),
] as const;

export type TopicSlug = (typeof TOPICS)[number]['slug'];
