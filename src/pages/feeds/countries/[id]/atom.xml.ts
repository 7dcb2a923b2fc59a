import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, feedScopes } from '../../../../lib/feeds/site.ts';

export const getStaticPaths = (async () => (await feedScopes('country')).map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => feedResponse('atom', { kind: 'country', id: params.id! }, site);
