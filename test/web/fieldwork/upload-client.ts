import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PASSWORD } from '../../support/test-app.ts';

/**
 * Like test/support's Client (cookies, CSRF from the last page), plus multipart uploads as a
 * browser sends them: the form is encoded by the platform's own FormData, not by our code.
 */
export class UploadClient {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (cookie.maxAge === 0 || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.csrf = token[1]!;
  }

  private get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookie } });
    this.remember(response);
    return response;
  }

  async post(url: string, form: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
    body.append('_csrf', this.csrf);
    const response = await this.app.inject({
      method: 'POST', url, headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString(),
    });
    this.remember(response);
    return response;
  }

  /** fields: other form fields sent before the file, as a browser sends a form's controls in order. */
  async upload(url: string, file: { name: string; bytes: Uint8Array; type?: string } | null, csrf = this.csrf, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const form = new FormData();
    form.append('_csrf', csrf);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file ? new Blob([file.bytes], { type: file.type ?? 'text/csv' }) : new Blob([]), file?.name ?? '');
    const encoded = new Response(form);
    const payload = Buffer.from(await encoded.arrayBuffer());
    const response = await this.app.inject({
      method: 'POST', url, headers: { cookie: this.cookie, 'content-type': encoded.headers.get('content-type')! }, payload,
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string): Promise<void> {
    await this.get('/sign-in');
    const response = await this.post('/sign-in', { email, password: PASSWORD });
    if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode}`);
  }
}
