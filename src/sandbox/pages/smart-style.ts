/**
 * The EHR's style document, linked from the token response as `smart_style_url` when a launch asks the app to
 * blend in: a calm teal and sand palette.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html#styling
 */
export const SMART_STYLE_PATH = '/smart-style.json';

export const SMART_STYLE = {
  color_background: '#f6f3ee',
  color_error: '#b3261e',
  color_highlight: '#0f6e6e',
  color_modal_backdrop: 'rgba(23, 37, 42, 0.55)',
  color_success: '#2e7d4f',
  color_text: '#17252a',
  dim_border_radius: '6px',
  dim_font_size: '15px',
  dim_spacing_size: '16px',
  font_family_body: "'Source Sans 3', 'Segoe UI', system-ui, sans-serif",
  font_family_heading: "'Source Serif 4', Georgia, serif",
} as const;
