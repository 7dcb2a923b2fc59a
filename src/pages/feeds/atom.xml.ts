import type { APIRoute } from 'astro';
import { feedResponse } from '../../lib/feeds/site.ts';

export const GET: APIRoute = ({ site }) => feedResponse('atom', { kind: 'all' }, site);
