import type { Answers } from '../answers'
import type { Alternative, Decision } from '../brief'
import { hasKind, hasRegime, selfHosted } from '../facts'
import { listPhrase, REGION_NAMES } from './_shared-stack'
import { type AreaRules, because } from './types'

type Bucket = 's3' | 'r2'

const BUCKET_NAMES: Record<Bucket, string> = {
  s3: 'Object storage on Amazon S3',
  r2: 'Object storage on Cloudflare R2',
}

/** The vendor id each bucket sets on the decision; costs price the line from it. */
export const BUCKET_VENDORS: Record<Bucket, string> = { s3: 'amazon_s3', r2: 'cloudflare_r2' }

/** Regions where R2 cannot promise a bucket stays put; S3 has a region in each named one. */
const residencyBeyondUsEu = (a: Answers) => a.compliance.dataResidency.filter((r) => r !== 'us' && r !== 'eu')

/**
 * S3 when HIPAA needs a signed agreement, when a cloud account is already in
 * use, or when data must stay in a region outside the US and EU; otherwise
 * R2, which is cheaper to store in and free to download from.
 */
export function pickBucket(a: Answers): Bucket {
  if (hasRegime(a, 'hipaa') || a.budget.hosting === 'cloud_provider' || residencyBeyondUsEu(a).length > 0) return 's3'
  return 'r2'
}

function providerReason(a: Answers, bucket: Bucket): string {
  if (bucket === 'r2') {
    const base =
      'Cloudflare R2 stores files for about $0.015 per GB-month, charges nothing when users download them, and the first 10 GB are free.'
    return selfHosted(a)
      ? `${base} You run your own servers: if files must stay there too, run an S3-compatible store of your own instead; the code is the same either way because both speak the S3 API.`
      : base
  }
  if (hasRegime(a, 'hipaa')) {
    return 'HIPAA applies, and files such as uploaded forms hold patient details: Amazon S3 is covered by the AWS Business Associate Agreement. Keep the bucket private and encrypted, and hand out only short-lived links.'
  }
  if (a.budget.hosting === 'cloud_provider') {
    return 'You already run on a cloud provider, so use its bucket service (Amazon S3 on AWS) and keep permissions, logs and billing in one account. Downloads are billed there (about $0.09 per GB from S3), so put a CDN in front if files are served often.'
  }
  const regions = listPhrase(residencyBeyondUsEu(a).map((r) => REGION_NAMES[r]))
  return `Your data must stay in ${regions}; Amazon S3 lets you pick the region a bucket lives in and keeps it there.`
}

function otherBucket(a: Answers, bucket: Bucket): Alternative {
  if (bucket === 'r2') {
    return {
      id: 's3',
      name: 'Amazon S3',
      whyNot:
        'S3 charges about $0.09 per GB downloaded and $0.023 per GB-month stored, where R2 charges nothing for downloads; both speak the same API, so moving later is a configuration change.',
    }
  }
  const whyNot = hasRegime(a, 'hipaa')
    ? 'Use R2 for patient files only once Cloudflare has signed a BAA that covers it; S3 is already covered by the AWS agreement.'
    : a.budget.hosting === 'cloud_provider'
      ? 'R2 is cheaper to serve downloads from, but a bucket inside your own cloud account keeps access rules, logs and billing in one place.'
      : `R2 cannot promise that a bucket stays in ${listPhrase(residencyBeyondUsEu(a).map((r) => REGION_NAMES[r]))}.`
  return { id: 'r2', name: 'Cloudflare R2', whyNot }
}

function noFiles(): Decision {
  return {
    area: 'file_storage',
    title: 'File storage',
    choice: { id: 'none', name: 'No file storage' },
    status: 'not_applicable',
    because: [
      because(
        'file_storage.no_files',
        ['data.kinds'],
        'You keep records, not files, so there is no bucket to set up. If uploads arrive later, they go to object storage, never into database columns.',
      ),
    ],
    alternatives: [
      {
        id: 'object_storage',
        name: 'S3-compatible object storage',
        whyNot: 'There are no files among the data you keep.',
      },
    ],
    revisitWhen: [],
    guide: 'default-stack',
  }
}

export const fileStorage: AreaRules = {
  area: 'file_storage',
  decide(a) {
    if (!hasKind(a, 'files')) return noFiles()
    const bucket = pickBucket(a)
    return {
      area: 'file_storage',
      title: 'File storage',
      choice: { id: 'object_storage', name: BUCKET_NAMES[bucket], vendor: BUCKET_VENDORS[bucket] },
      status: 'adopt',
      because: [
        because(
          'file_storage.files_in_object_storage',
          ['data.kinds'],
          "You keep files, so they go in an S3-compatible bucket and Postgres keeps only each file's key, size, type and owner. Uploads and downloads go straight between the user and the bucket through short-lived signed links, so large files never pass through your app or swell your database backups.",
        ),
        because(
          'file_storage.bucket_provider',
          ['budget.hosting', 'compliance.dataResidency', 'compliance.regimes'],
          providerReason(a, bucket),
        ),
      ],
      alternatives: [
        otherBucket(a, bucket),
        {
          id: 'database_blobs',
          name: 'Files inside the database',
          whyNot:
            'File bytes in Postgres make every backup and restore carry them, crowd out the memory your queries need, and send every download through your app servers.',
        },
      ],
      revisitWhen: [],
      guide: 'default-stack',
    }
  },
  triggers: [],
}
