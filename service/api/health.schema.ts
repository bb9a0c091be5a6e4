// Response schemas of the health routes and of downloads.
import { Type } from '@sinclair/typebox';

export const LiveSchema = Type.Object({ status: Type.Literal('ok') });

export const ReadySchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not ready')]),
  checks: Type.Array(Type.Object({ name: Type.String(), ok: Type.Boolean(), detail: Type.Optional(Type.String()) })),
});

export const PresignedSchema = Type.Object({
  url: Type.String({ description: 'short-lived presigned GET URL of the object store' }),
  expiresInSeconds: Type.Integer({ minimum: 1 }),
});

/** A streamed download in one of `mediaTypes`, or with ?presign=true in S3 mode a presigned URL as JSON. */
export function downloadResponse(mediaTypes: string[]) {
  const binary = { schema: Type.String({ format: 'binary' }) };
  return {
    description: 'the bytes, streamed; with ?presign=true (S3 mode) a presigned URL',
    content: {
      ...Object.fromEntries(mediaTypes.map((t) => [t, binary])),
      'application/json': { schema: PresignedSchema },
    },
  };
}
