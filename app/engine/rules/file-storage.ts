import type { Answers } from '#app/engine/answers.ts'
import type { Alternative, Decision } from '#app/engine/brief.ts'
import type { Catalog } from '#app/engine/catalog.ts'
import { healthRegulated, regionWords } from '#app/engine/constraints.ts'
import { hasKind, selfHosted } from '#app/engine/facts.ts'
import { meets, placeHost } from './_placement.ts'
import { type AreaRules, because } from './types.ts'

type Bucket = 's3' | 'r2'

const BUCKET_NAMES: Record<Bucket, string> = {
  s3: 'Object storage on Amazon S3',
  r2: 'Object storage on Cloudflare R2',
}

/** The vendor id each bucket sets on the decision; costs price the line from it. */
export const BUCKET_VENDORS: Record<Bucket, string> = { s3: 'amazon_s3', r2: 'cloudflare_r2' }

const hipaa = healthRegulated
const onAws = (a: Answers, catalog: Catalog) => placeHost(a, catalog).host === 'aws_ec2'

/**
 * S3 when health data needs a signed agreement, when the app runs on AWS, or
 * when R2's facts do not confirm keeping files where the data must stay;
 * otherwise R2, which is cheaper to store in and free to download from.
 */
export function pickBucket(a: Answers, catalog: Catalog): Bucket {
  if (hipaa(a) || onAws(a, catalog) || !meets(catalog, 'cloudflare_r2', a)) return 's3'
  return 'r2'
}

function providerReason(a: Answers, catalog: Catalog, bucket: Bucket): string {
  if (bucket === 'r2') {
    const base =
      'Cloudflare R2 stores files for about $0.015 per GB-month, charges nothing when users download them, and the first 10 GB are free.'
    return selfHosted(a)
      ? `${base} You run your own servers: if files must stay there too, run an S3-compatible store of your own instead; the code is the same either way because both speak the S3 API.`
      : base
  }
  if (hipaa(a)) {
    return 'Health data falls under HIPAA, and files such as uploaded forms hold patient details: Amazon S3 is covered by the AWS account-level Business Associate Agreement, at no extra charge. Keep the bucket private and encrypted, and hand out only short-lived links.'
  }
  if (a.compliance.dataResidency.length > 0 && !meets(catalog, 'cloudflare_r2', a)) {
    return `Your data must stay in ${regionWords(a.compliance.dataResidency)}; Cloudflare R2 does not confirm keeping a bucket there (its EU option is reported by a third party only), while Amazon S3 keeps each bucket in the AWS region you create it in.`
  }
  if (onAws(a, catalog)) {
    return 'The app runs on AWS, so use its bucket service (Amazon S3) and keep permissions, logs and billing in one account. Downloads are billed there (about $0.09 per GB from S3), so put a CDN in front if files are served often.'
  }
  return `Your data must stay in ${regionWords(a.compliance.dataResidency)}; Cloudflare R2 does not confirm keeping a bucket there (its EU option is reported by a third party only), while Amazon S3 keeps each bucket in the AWS region you create it in.`
}

function otherBucket(a: Answers, catalog: Catalog, bucket: Bucket): Alternative {
  if (bucket === 'r2') {
    return {
      id: 's3',
      name: 'Amazon S3',
      whyNot:
        'S3 charges about $0.09 per GB downloaded and $0.023 per GB-month stored, where R2 charges nothing for downloads; both speak the same API, so moving later is a configuration change.',
    }
  }
  const whyNot = hipaa(a)
    ? 'Use R2 for patient files only once Cloudflare has signed a BAA that covers it; S3 is already covered by the AWS agreement.'
    : onAws(a, catalog)
      ? 'R2 is cheaper to serve downloads from, but a bucket inside your own cloud account keeps access rules, logs and billing in one place.'
      : `R2 does not confirm that a bucket stays in ${regionWords(a.compliance.dataResidency)}.`
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
  decide(a, catalog) {
    if (!hasKind(a, 'files')) return noFiles()
    const bucket = pickBucket(a, catalog)
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
          providerReason(a, catalog, bucket),
        ),
      ],
      alternatives: [
        otherBucket(a, catalog, bucket),
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
