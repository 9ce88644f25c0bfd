import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  direction,
  en,
  language,
  loadBookingCatalogue,
  loadCatalogue,
  translate,
  type BookingCatalogue,
  type Catalogue,
  type MessageKey,
  type MessageParams,
} from '../i18n/index.js';
import { loadBookingParts } from '../components/booking-parts-loader.js';

/** How long a catalogue may take before the texts are shown in English meanwhile. */
const CATALOGUE_PATIENCE_MS = 3000;

/**
 * An element's language: resolves its locale, loads that language's messages, translates.
 *
 * ```ts
 * #locale = new LocaleController(this, () => this.locale);
 * render() {
 *   const { locale, textLanguage, direction, catalogue, t } = this.#locale;
 *   return html`<div lang=${textLanguage} dir=${direction}>${t('book')}
 *     <ev-port-list .locale=${locale} .catalogue=${catalogue}></ev-port-list></div>`;
 * }
 * ```
 *
 * - `locale`: the first valid BCP 47 tag of the `locale` property (read with `getLocale`), the
 *   nearest `lang` attribute (the host's own or an ancestor's), the document's `lang`, the
 *   browser's language; else `en`. For `Intl` formats and the direction. Resolved when the
 *   host connects and again before each update, so a new `locale` takes effect at the next render.
 * - The catalogue of the locale's language starts loading when the host connects (`hostConnected`,
 *   before the host's first update sends its API requests, which never wait for it) and the host
 *   is asked to update when it arrives. Each controller holds its own catalogue: two widgets in
 *   two languages on one page stay independent.
 * - Until it arrives, and for good when the language has no catalogue or its chunk fails to load,
 *   the texts are English. `textLanguage` is the language tag of the texts `t()` gives: the locale
 *   (`de-AT`) once its catalogue is here, else `en`; it is the `lang` of those texts (SPEC §6:
 *   text in a fallback language carries its own `lang`), while `Intl` formats follow `locale`.
 * - `loading`: true while the catalogue is on its way (at most a few seconds: then English is
 *   shown until it comes). A host may show its loading state meanwhile, rather than English.
 * - The booking's texts (the email form's, the tracker's, the messages after Book) are the
 *   catalogue's second half, loaded once the host asks (`loadBookingTexts()`, beside the booking
 *   parts), and again for a new language after that; English's come with the booking parts.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #getLocale: () => string | null | undefined;
  #locale = 'en';
  /** The language whose catalogue is shown or on its way. */
  #wantedLanguage = 'en';
  #catalogue: Catalogue = en;
  /** English's booking texts (from the booking parts), once asked for and here. */
  #englishBooking: BookingCatalogue | undefined;
  /** The wanted language's booking texts, once here (with the first view's and English's: `#merged`). */
  #bookingTexts: BookingCatalogue | undefined;
  #merged: Catalogue = en;
  /** The host asked for the booking texts (`loadBookingTexts`); settles once they are here, or failed, or late. */
  #bookingLoad: Promise<void> | undefined;
  /** The language of `#catalogue`: the wanted one once it is here, else `en`. */
  #catalogueLanguage = 'en';
  #loading = false;
  #patience?: ReturnType<typeof setTimeout>;

  /** `getLocale` reads the host's `locale` property (unset: the nearest `lang` decides). */
  constructor(host: ReactiveControllerHost & HTMLElement, getLocale: () => string | null | undefined) {
    this.#host = host;
    this.#getLocale = getLocale;
    host.addController(this);
  }

  /** The resolved BCP 47 locale (canonical: `de-AT`), for `Intl` formats. */
  get locale(): string {
    return this.#locale;
  }

  /** The writing direction of the locale. */
  get direction(): 'ltr' | 'rtl' {
    return direction(this.#locale);
  }

  /** The language tag of the texts `t()` gives, for their `lang`: the locale once its catalogue is here, else `en`. */
  get textLanguage(): string {
    return this.#catalogueLanguage === this.#wantedLanguage ? this.#locale : this.#catalogueLanguage;
  }

  /** The messages shown now, for a subcomponent's `catalogue` property. */
  get catalogue(): Catalogue {
    return this.#merged;
  }

  /**
   * Loads the booking texts of the locale's language (once; for a new language, again once it
   * changes): resolves when they are here, or failed to load (English's then), or after a few
   * seconds (English's meanwhile). Never rejects.
   */
  loadBookingTexts(): Promise<void> {
    this.#bookingLoad ??= this.#loadBooking(this.#wantedLanguage);
    return this.#bookingLoad;
  }

  #loadBooking(wanted: string): Promise<void> {
    const english = loadBookingParts().then((parts) => {
      this.#englishBooking = parts.enBooking;
      this.#merge();
    });
    const arrived = Promise.all([english, loadBookingCatalogue(wanted)]).then(
      ([, texts]) => {
        if (this.#wantedLanguage !== wanted) return;
        this.#bookingTexts = texts;
        this.#merge();
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        // Asked again with the booking parts (which failed too, or will be asked again).
        this.#bookingLoad = undefined;
        console.warn(`[ev-booking-widget] the ${wanted} booking texts did not load.`, error);
      },
    );
    return Promise.race([arrived, new Promise<void>((resolve) => setTimeout(resolve, CATALOGUE_PATIENCE_MS))]);
  }

  /** The first view's messages with the booking's (English's where the language's are not here). */
  #merge(): void {
    const same = this.#catalogueLanguage === this.#wantedLanguage;
    this.#merged = { ...this.#englishBooking, ...this.#catalogue, ...(same ? this.#bookingTexts : undefined) };
  }

  /** Whether the locale's catalogue is still on its way (and English shown meanwhile). */
  get loading(): boolean {
    return this.#loading;
  }

  /** The message `key` in the language shown, its `{name}` placeholders filled from `params` (bound: destructure it). */
  readonly t = (key: MessageKey, params?: MessageParams): string => translate(this.#merged, key, params);

  hostConnected(): void {
    this.#resolve();
  }

  hostUpdate(): void {
    this.#resolve();
  }

  hostDisconnected(): void {
    clearTimeout(this.#patience);
  }

  #resolve(): void {
    this.#locale = resolveLocale(this.#host, this.#getLocale());
    const wanted = language(this.#locale);
    if (wanted === this.#wantedLanguage) return;
    this.#wantedLanguage = wanted;
    this.#catalogue = en;
    this.#catalogueLanguage = 'en';
    this.#bookingTexts = undefined;
    this.#merge();
    // Booking texts asked for before: the new language's too.
    if (this.#bookingLoad) this.#bookingLoad = this.#loadBooking(wanted);
    clearTimeout(this.#patience);
    const loaded = loadCatalogue(wanted);
    this.#loading = loaded !== undefined;
    if (!loaded) return;
    const settle = (): void => {
      this.#loading = false;
      this.#host.requestUpdate();
    };
    this.#patience = setTimeout(settle, CATALOGUE_PATIENCE_MS);
    loaded.then(
      (catalogue) => {
        if (this.#wantedLanguage !== wanted) return;
        this.#catalogue = catalogue;
        this.#catalogueLanguage = wanted;
        this.#merge();
        clearTimeout(this.#patience);
        settle();
      },
      (error: unknown) => {
        if (this.#wantedLanguage !== wanted) return;
        console.warn(`[ev-booking-widget] the ${wanted} texts did not load: English instead.`, error);
        clearTimeout(this.#patience);
        settle();
      },
    );
  }
}

/** `tag` as a canonical BCP 47 tag, or undefined when it is none. */
function canonical(tag: string | null | undefined): string | undefined {
  try {
    return tag ? Intl.getCanonicalLocales(tag)[0] : undefined;
  } catch {
    return undefined; // Not BCP 47.
  }
}

/**
 * The first valid BCP 47 tag (canonical) of: `preferred`, the nearest `lang` of `element`, the
 * document's, the browser's; else `en`. A page `lang` that names a bare language (`en`) read in a
 * browser whose first language is a region of it (`en-GB`) gives the browser's tag: the page says
 * which language, the driver's browser which formats (audit finding 11).
 */
export function resolveLocale(element: Element, preferred: string | null | undefined): string {
  const browser = canonical(navigator.languages[0] ?? navigator.language);
  const page = canonical(element.closest<HTMLElement>('[lang]')?.lang) ?? canonical(document.documentElement.lang);
  const regional = page && !page.includes('-') && browser?.startsWith(`${page}-`) ? browser : page;
  return canonical(preferred) ?? regional ?? browser ?? 'en';
}
