/**
 * The stages and verticals an engagement takes, with their labels. Apart from the schemas in
 * ./engagement (which re-exports these) so the renderer's first render can show them without zod.
 */
export const STAGES = ['idea-prototype', 'prototype-demo', 'demo-launch', 'launch-first-customers', 'first-customers-growth'] as const
export const VERTICALS = ['creator-platform', 'b2b-service', 'ai-tool', 'bootstrapped-saas', 'other'] as const

export const STAGE_LABELS: Record<(typeof STAGES)[number], string> = {
  'idea-prototype': 'Idea → prototype',
  'prototype-demo': 'Prototype → demo',
  'demo-launch': 'Demo → launch',
  'launch-first-customers': 'Launch → first customers',
  'first-customers-growth': 'First customers → growth',
}
export const VERTICAL_LABELS: Record<(typeof VERTICALS)[number], string> = {
  'creator-platform': 'Creator platform',
  'b2b-service': 'B2B service',
  'ai-tool': 'AI tool',
  'bootstrapped-saas': 'Bootstrapped SaaS',
  other: 'Other',
}
