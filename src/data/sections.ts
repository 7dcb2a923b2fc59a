/**
 * The plain text of each section of a document, as the page shows it. The section-anchors hast
 * plugin collects it while the page's MDX is compiled and passes it on as
 * `remarkPluginFrontmatter.sectionText`; hubs and share pages read it here.
 */
import { render, type CollectionEntry } from 'astro:content';

export async function sectionTexts(entry: CollectionEntry<'assessments'>): Promise<Record<string, string>> {
  const { remarkPluginFrontmatter } = await render(entry);
  const texts = (remarkPluginFrontmatter as { sectionText?: Record<string, string> }).sectionText;
  if (!texts) {
    throw new Error(
      `content/assessments/${entry.id}.mdx: no section text was collected; is the section-anchors plugin missing from hastPlugins in astro.config.mjs?`,
    );
  }
  return texts;
}
