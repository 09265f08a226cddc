import { createHmac } from 'node:crypto';

/**
 * Aliyun's RPC request signature, version 1.0 with HMAC-SHA1, as dysmsapi documents it: every
 * parameter but `Signature` percent-encoded per RFC 3986, sorted by name, joined as a query
 * string, then `METHOD&%2F&` + encode(that), signed with the AccessKey secret plus `&`.
 */
export function percentEncode(value: string): string {
  // encodeURIComponent leaves !'()* alone; RFC 3986 reserves them, and so does Aliyun's check.
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalizedQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join('&');
}

export function aliyunStringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

/** The `Signature` parameter's value (base64, not yet percent-encoded). */
export function signAliyunRequest(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}

/** Aliyun's Timestamp: ISO 8601 in UTC without milliseconds, `2017-07-12T02:42:19Z`. */
export function aliyunTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
