"""``jobs publish-s3``: publish the built site to an S3-compatible bucket, then purge the CDN.

Options default to JOBS_S3_BUCKET, JOBS_S3_PREFIX, JOBS_S3_ENDPOINT_URL and
JOBS_CLOUDFRONT_DISTRIBUTION_ID; ``--dry-run`` lists what would be uploaded and deleted.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from core import config


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("publish-s3", help="publish the built site to an S3 bucket "
                                                      "(only changed objects) and purge the CDN")
    parser.add_argument("--output", help="built site folder (default site/output)")
    parser.add_argument("--bucket", default=os.environ.get("JOBS_S3_BUCKET"),
                        help="the bucket (default JOBS_S3_BUCKET)")
    parser.add_argument("--prefix", default=os.environ.get("JOBS_S3_PREFIX", ""),
                        help="a key prefix inside the bucket (default JOBS_S3_PREFIX, none)")
    parser.add_argument("--endpoint-url", default=os.environ.get("JOBS_S3_ENDPOINT_URL"),
                        help="an S3-compatible endpoint (default JOBS_S3_ENDPOINT_URL, AWS)")
    parser.add_argument("--distribution",
                        default=os.environ.get("JOBS_CLOUDFRONT_DISTRIBUTION_ID"),
                        help="CloudFront distribution to invalidate "
                             "(default JOBS_CLOUDFRONT_DISTRIBUTION_ID)")
    parser.add_argument("--dry-run", action="store_true", help="only list the changes")
    parser.set_defaults(func=run)


def run(args) -> int:
    from services.publish_s3 import publish_s3, s3_client

    if not args.bucket:
        raise SystemExit("no bucket: pass --bucket or set JOBS_S3_BUCKET")
    output = Path(args.output) if args.output else config.site_output_dir()
    if not (output / "index.html").exists():
        raise SystemExit(f"nothing to publish: {output} has no index.html (run `jobs build`)")
    report = publish_s3(output, args.bucket, args.prefix, client=s3_client(args.endpoint_url),
                        distribution_id=args.distribution or None, dry_run=args.dry_run)
    summary = report.as_dict()
    summary["uploaded"], summary["deleted"] = len(report.uploaded), len(report.deleted)
    if args.dry_run:
        summary["would_upload"], summary["would_delete"] = report.uploaded, report.deleted
    print(json.dumps(summary, sort_keys=True))
    return 0
