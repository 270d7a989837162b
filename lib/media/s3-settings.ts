// The S3_* settings (README, "Settings"; docs/decisions/029-media-storage.md). Read
// once when the storage is created; a mistake is reported by name at that moment
// rather than as an SDK error on the first upload.

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/** process.env, or a plain object of settings (tests). */
export type Env = Record<string, string | undefined>;

export class S3SettingsError extends Error {}

function flag(name: string, value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  throw new S3SettingsError(`${name} must be true or false, not ${JSON.stringify(value)}.`);
}

export function s3SettingsFrom(env: Env): S3Settings {
  const bucket = env.S3_BUCKET?.trim() ?? '';
  if (!bucket) throw new S3SettingsError('S3_BUCKET is not set.');
  const region = env.S3_REGION?.trim() || 'us-east-1';
  let endpoint: string | undefined;
  if (env.S3_ENDPOINT?.trim()) {
    endpoint = env.S3_ENDPOINT.trim();
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new S3SettingsError(`S3_ENDPOINT must be a URL such as https://s3.example.org, not ${JSON.stringify(endpoint)}.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new S3SettingsError(`S3_ENDPOINT must start with https:// or http://, not ${JSON.stringify(endpoint)}.`);
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() ?? '';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() ?? '';
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new S3SettingsError('Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (then the AWS SDK looks for credentials itself, e.g. an instance role).');
  }
  return {
    bucket,
    region,
    endpoint,
    forcePathStyle: flag('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE),
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : undefined,
  };
}
