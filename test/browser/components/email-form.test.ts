import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/email-form/email-form.js';
import type { EvEmailForm } from '../../../src/components/email-form/email-form.js';
import { isEmail } from '../../../src/api/schemas.js';
import { en, language, loadCatalogue } from '../../../src/i18n/index.js';
import { formatWhen } from '../../../src/i18n/when.js';
import { zoneNameInWords } from '../../../src/i18n/zone.js';

import { accessibleName } from '../../support/a11y.js';
import { emulateForcedColors } from '../../support/forced-colors.js';
import { afterEach, describe, it } from '../../support/mocha.js';

const make = (): Promise<EvEmailForm> => fixture<EvEmailForm>(html`<ev-email-form></ev-email-form>`);
const field = (el: EvEmailForm): HTMLInputElement => el.shadowRoot!.querySelector('input')!;
const button = (el: EvEmailForm): HTMLButtonElement => el.shadowRoot!.querySelector('[part=button]')!;
const describedBy = (el: EvEmailForm): string =>
  (field(el).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim())
    .join(' ');

async function type(el: EvEmailForm, text: string): Promise<void> {
  field(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<ev-email-form>', () => {
  describe('accessibility', () => {
    it('is accessible', async () => {
      await expect(await make()).to.be.accessible();
    });

    it('is accessible with an error, not found, busy, disabled and dark', async () => {
      const invalid = await make();
      await type(invalid, 'nope');
      button(invalid).click();
      await invalid.updateComplete;
      await expect(invalid).to.be.accessible();
      for (const el of [
        await fixture<EvEmailForm>(html`<ev-email-form error="The email is not valid."></ev-email-form>`),
        await fixture<EvEmailForm>(
          html`<ev-email-form not-found signup-url="https://example.com/app" email="a@b.co"></ev-email-form>`,
        ),
        await fixture<EvEmailForm>(html`<ev-email-form busy summary="A1, Sunday 29 March 10:00"></ev-email-form>`),
        await fixture<EvEmailForm>(html`<ev-email-form disabled></ev-email-form>`),
        await fixture<EvEmailForm>(html`<ev-email-form theme="dark" error="Wrong"></ev-email-form>`),
      ]) {
        await expect(el).to.be.accessible();
      }
    });

    it('has a text box named Email and a button named Book', async () => {
      const el = await make();
      expect(field(el).type).to.equal('email');
      expect(field(el).autocomplete).to.equal('email');
      expect(field(el).name).to.equal('email');
      expect(accessibleName(field(el))).to.equal('Email');
      expect(accessibleName(button(el))).to.contain('Book');
      expect(el.shadowRoot!.querySelector('form')!.noValidate).to.equal(true);
    });
  });

  describe('properties', () => {
    it('prefills the field from email and keeps typed text across updates', async () => {
      const el = await fixture<EvEmailForm>(html`<ev-email-form email="driver@"></ev-email-form>`);
      expect(field(el).value).to.equal('driver@');
      await type(el, 'example.com');
      expect(el.email).to.equal('driver@example.com');
      el.summary = 'Slot';
      el.busy = true;
      el.error = 'Server says no';
      await el.updateComplete;
      el.busy = false;
      await el.updateComplete;
      expect(field(el).value).to.equal('driver@example.com');
    });

    it('takes a new email set from outside', async () => {
      const el = await make();
      el.email = 'someone@example.com';
      await el.updateComplete;
      expect(field(el).value).to.equal('someone@example.com');
    });

    it('shows an error next to the field', async () => {
      const el = await fixture<EvEmailForm>(html`<ev-email-form .error=${'The email is not valid.'}></ev-email-form>`);
      expect(field(el).getAttribute('aria-invalid')).to.equal('true');
      expect(describedBy(el)).to.equal('The email is not valid.');
      el.error = null;
      await el.updateComplete;
      expect(field(el).getAttribute('aria-invalid')).to.equal('false');
      expect(field(el).hasAttribute('aria-describedby')).to.equal(false);
    });

    it('tells the driver to sign up, linking to signupUrl in a new tab', async () => {
      const el = await fixture<EvEmailForm>(
        html`<ev-email-form not-found signup-url="https://example.com/app"></ev-email-form>`,
      );
      expect(describedBy(el)).to.contain('No account with this email. Sign up in the driver app');
      const link = el.shadowRoot!.querySelector('a')!;
      expect(link.href).to.equal('https://example.com/app');
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.contain('noopener');
      expect(accessibleName(link)).to.contain('Sign up in the driver app');
    });

    it('shows the sign-up hint without a link when there is no (safe) URL', async () => {
      for (const url of [null, 'javascript:alert(1)']) {
        const el = await fixture<EvEmailForm>(html`<ev-email-form not-found .signupUrl=${url}></ev-email-form>`);
        expect(el.shadowRoot!.querySelector('a')).to.equal(null);
        expect(describedBy(el)).to.contain('Sign up in the driver app');
      }
    });

    it('shows the summary as text and the busy state on the button', async () => {
      const evil = '<img src=x onerror=alert(1)>';
      const el = await fixture<EvEmailForm>(html`<ev-email-form busy .summary=${evil}></ev-email-form>`);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.summary-text')!.textContent).to.equal(evil);
      expect(button(el).getAttribute('aria-disabled')).to.equal('true');
      expect(button(el).disabled).to.equal(false);
      expect(accessibleName(button(el))).to.contain('Book');
    });

    it('disables the field and the button when disabled', async () => {
      const el = await fixture<EvEmailForm>(html`<ev-email-form disabled></ev-email-form>`);
      expect(field(el).disabled).to.equal(true);
      expect(button(el).disabled).to.equal(true);
    });

    it('accepts plausible addresses and refuses malformed ones', () => {
      for (const ok of ['a@b.co', 'first.last+tag@sub.example.org', 'x@xn--bcher-kva.example']) {
        expect(isEmail(ok), ok).to.equal(true);
      }
      // `% * ,` would be wildcards or lists to a lenient users search: the proxy refuses them too.
      const bad = [
        '',
        'a',
        'a@',
        '@b.co',
        'a@b',
        'a@@b.co',
        'a b@c.co',
        'a@b..co',
        'a@.b.co',
        'a@b.co.',
        'a%b@c.co',
        '*@c.co',
        'a,b@c.co',
        `${'a'.repeat(250)}@b.co`,
      ];
      for (const email of bad) {
        expect(isEmail(email), email).to.equal(false);
      }
    });
  });

  describe('events', () => {
    it('fires ev-email-input with what was typed', async () => {
      const el = await make();
      const seen: string[] = [];
      el.addEventListener('ev-email-input', (e) => seen.push(e.detail.email));
      await type(el, 'ab');
      expect(seen).to.deep.equal(['a', 'ab']);
    });

    it('fires ev-email-submit with the trimmed address', async () => {
      const el = await make();
      await type(el, '  driver@example.com ');
      setTimeout(() => button(el).click());
      const event = await oneEvent(el, 'ev-email-submit');
      expect(event.detail).to.deep.equal({ email: 'driver@example.com' });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('does not submit an invalid address: shows the message and focuses the field', async () => {
      const el = await make();
      let fired = 0;
      el.addEventListener('ev-email-submit', () => fired++);
      await type(el, 'driver@example');
      button(el).focus();
      button(el).click();
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(field(el).getAttribute('aria-invalid')).to.equal('true');
      expect(describedBy(el)).to.equal('Enter a valid email.');
      expect(el.shadowRoot!.activeElement).to.equal(field(el));
      // Fixing the address clears the message.
      await type(el, '.com');
      expect(field(el).getAttribute('aria-invalid')).to.equal('false');
    });

    it('does not submit while busy or disabled', async () => {
      const el = await fixture<EvEmailForm>(html`<ev-email-form busy email="driver@example.com"></ev-email-form>`);
      let fired = 0;
      el.addEventListener('ev-email-submit', () => fired++);
      button(el).click();
      el.busy = false;
      el.disabled = true;
      await el.updateComplete;
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      expect(fired).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('submits once with Enter, even when Enter is pressed again while busy', async () => {
      const el = await make();
      let fired = 0;
      el.addEventListener('ev-email-submit', () => {
        fired++;
        el.busy = true;
      });
      await type(el, 'driver@example.com');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      button(el).focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      expect(fired).to.equal(1);
      // The busy button keeps the focus.
      expect(el.shadowRoot!.activeElement).to.equal(button(el));
    });

    it('focuses the field when the element is focused', async () => {
      const el = await make();
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal(field(el));
    });
  });

  describe('summary and announcements (issue 14)', () => {
    afterEach(() => emulateForcedColors(false));
    const choice = {
      port: 'Port A',
      start: '2026-03-29T07:00:00Z',
      end: '2026-03-29T08:00:00Z',
      timeZone: 'Europe/Sofia',
    };
    /** The accessible description of an element: the text of what aria-describedby names. */
    const description = (el: EvEmailForm, target: Element): string =>
      (target.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim())
        .join(' ');

    it('summarizes port, date, start–end and zone before Book, tied to Book', async () => {
      const el = await fixture<EvEmailForm>(html`<ev-email-form locale="en-GB" .choice=${choice}></ev-email-form>`);
      const summary = el.shadowRoot!.querySelector('[part=summary]')!;
      expect(summary.compareDocumentPosition(button(el)) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
      expect(description(el, button(el))).to.contain('Port A · Sunday 29 March · 10:00–11:00 · Sofia time (GMT+3)');
      el.choice = { ...choice, port: null };
      await el.updateComplete;
      expect(description(el, button(el))).to.contain('any port · Sunday 29 March');
      await expect(el).to.be.accessible();
    });

    it('joins the summary without a word for "and" in fr, bg, ar and pt-BR (audit finding 10)', async () => {
      // Intl.ListFormat's unit lists say "et", "и", "و", "e" there: "… 10:00–11:00 et Sofia time".
      for (const locale of ['fr', 'bg', 'ar', 'pt-BR']) {
        const catalogue = (await loadCatalogue(language(locale))) ?? en;
        const el = await fixture<EvEmailForm>(
          html`<ev-email-form .locale=${locale} .catalogue=${catalogue} .choice=${choice}></ev-email-form>`,
        );
        const start = Date.parse(choice.start);
        const { date, times } = formatWhen(locale, choice.timeZone, start, Date.parse(choice.end));
        const zone = zoneNameInWords(catalogue, locale, choice.timeZone, start);
        expect(description(el, button(el)), locale).to.contain(['Port A', date, times, zone].join(' · '));
      }
    });

    it('has its message region in place while empty, so a message that comes is announced', async () => {
      const el = await make();
      const region = el.shadowRoot!.querySelector('[aria-live]')!;
      expect(region.textContent!.trim()).to.equal('');
      expect(getComputedStyle(region).display).not.to.equal('none');
      await type(el, 'nope');
      button(el).click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[aria-live]')).to.equal(region);
      expect(region.textContent).to.contain('Enter a valid email.');
      // "No account" comes into the same region (audit finding 5).
      el.notFound = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[aria-live]')).to.equal(region);
      expect(region.textContent).to.contain('No account with this email.');
    });

    it('marks the field invalid and described before the focus moves to it', async () => {
      const el = await make();
      await type(el, 'nope');
      button(el).focus();
      const atFocus = new Promise<string>((resolve) =>
        field(el).addEventListener(
          'focus',
          () => resolve(`${field(el).getAttribute('aria-invalid')} ${description(el, field(el))}`),
          { once: true },
        ),
      );
      button(el).click();
      expect(await atFocus).to.equal('true Enter a valid email.');
    });

    it('is accessible with a summary and an error in forced colours, light and dark', async () => {
      const el = await fixture<EvEmailForm>(
        html`<ev-email-form .choice=${choice} error="Wrong" not-found></ev-email-form>`,
      );
      await emulateForcedColors(true);
      await expect(el).to.be.accessible();
      await emulateForcedColors(true, 'dark');
      await expect(el).to.be.accessible();
    });
  });
});
