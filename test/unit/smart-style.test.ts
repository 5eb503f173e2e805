import { describe, expect, test } from 'vitest';
import { applyStyleProperties, loadStyleProperties, styleProperties } from '../../src/smart/smart-style.ts';

describe('styleProperties', () => {
  test('maps the SMART style keys to the custom properties the stylesheet reads', () => {
    const result = styleProperties({
      color_background: '#edeae3',
      color_error: '#9e2d2d',
      color_highlight: '#69b5ce',
      color_modal_backdrop: 'rgba(0, 0, 0, 0.5)',
      color_success: '#498e49',
      color_text: '#303030',
      dim_border_radius: '6px',
      dim_font_size: '13px',
      dim_spacing_size: '20px',
      font_family_body: "Georgia, Times, 'Times New Roman', serif",
      font_family_heading: '"Helvetica Neue", Helvetica, Arial, sans-serif',
    });
    expect(result.properties).toEqual({
      '--color-background': '#edeae3',
      '--color-error': '#9e2d2d',
      '--color-highlight': '#69b5ce',
      '--color-modal-backdrop': 'rgba(0, 0, 0, 0.5)',
      '--color-success': '#498e49',
      '--color-text': '#303030',
      '--radius': '6px',
      '--font-size': '13px',
      '--spacing': '20px',
      '--font-body': "Georgia, Times, 'Times New Roman', serif",
      '--font-heading': '"Helvetica Neue", Helvetica, Arial, sans-serif',
    });
    expect(result.rejected).toEqual([]);
  });

  test('ignores keys the spec does not define, including ones that look like CSS properties', () => {
    const json: unknown = JSON.parse(
      '{"color_text":"navy","background":"red","--color-text":"red","__proto__":"x","constructor":"y","toString":"z"}'
    );
    const result = styleProperties(json);
    expect(result.properties).toEqual({ '--color-text': 'navy' });
    expect(result.ignored).toEqual(['background', '--color-text', '__proto__', 'constructor', 'toString']);
  });

  test.each([
    ['color_text', 'red; background: url(https://evil.example/x)'],
    ['color_text', 'expression(alert(1))'],
    ['color_background', 'url(javascript:alert(1))'],
    ['color_highlight', '#12345'],
    ['color_error', 'var(--other)'],
    ['dim_font_size', '13px; display: none'],
    ['dim_spacing_size', '-20px'],
    ['dim_border_radius', 'calc(100vh)'],
    ['font_family_body', 'Arial; } body { display: none'],
    ['font_family_heading', '"Unbalanced, serif'],
    ['font_family_body', 'Arial</style><script>'],
    ['color_text', 42],
  ])('refuses %s = %j', (key, value) => {
    const result = styleProperties({ [key]: value });
    expect(result.properties).toEqual({});
    expect(result.rejected).toEqual([key]);
  });

  test('a style document that is not an object applies nothing', () => {
    expect(styleProperties('color_text: red').properties).toEqual({});
    expect(styleProperties(null).properties).toEqual({});
    expect(styleProperties(['#fff']).properties).toEqual({});
  });
});

describe('applyStyleProperties', () => {
  test('sets only the validated properties on the given style', () => {
    const set: [string, string][] = [];
    const style = { setProperty: (name: string, value: string | null) => set.push([name, value ?? '']) };
    const { properties } = styleProperties({ color_text: '#303030', color_error: 'red;}', font: 'x' });
    applyStyleProperties(style, properties);
    expect(set).toEqual([['--color-text', '#303030']]);
  });
});

describe('loadStyleProperties', () => {
  test('fetches the style document without credentials and validates it', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fakeFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      calls.push([input instanceof Request ? input.url : input.toString(), init]);
      return Promise.resolve(Response.json({ color_text: '#111111', color_error: 'bad value!' }));
    };
    const result = await loadStyleProperties('https://ehr.example/style.json', fakeFetch);
    expect(calls).toEqual([['https://ehr.example/style.json', { credentials: 'omit' }]]);
    expect(result.properties).toEqual({ '--color-text': '#111111' });
    expect(result.rejected).toEqual(['color_error']);
  });

  test('refuses a style URL that is not http(s)', async () => {
    await expect(
      loadStyleProperties('javascript:alert(1)', () => Promise.reject(new Error('not called')))
    ).rejects.toThrow(/not an http\(s\) URL/);
  });
});
