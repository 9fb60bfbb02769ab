// The webapp's words in the household's languages; the browser's language picks one.

const messages = {
  en: {
    'title': 'Alexa',
    'login.heading': 'Log in',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.wrong': 'Wrong username or password.',
    'login.expired': 'Your session has expired. Please log in again.',
    'logout': 'Log out',
    'socket.connecting': 'Connecting…',
    'socket.connected': 'Connected',
    'socket.retrying': 'Offline, retrying in {0} s',
    'state.idle': 'Tap to talk',
    'state.listening': 'Listening… tap to send',
    'state.waiting': 'Listening… (say something)',
    'state.thinking': 'Thinking…',
    'state.speaking': 'Speaking… tap to interrupt',
    'log.empty': 'Your conversation appears here.',
    'log.you': 'You',
    'log.assistant': 'Alexa',
    'log.screen': 'Screen',
    'log.played': '▶ answer played ({0} s)',
    'log.playing': '▶ playing the answer…',
    'log.replay': 'Play again',
    'log.noAnswer': '(no spoken answer)',
    'log.nothingHeard': 'I did not hear anything.',
    'log.notUnderstood': '(nothing recognised)',
    'error.unreachable': 'The server cannot be reached. Check your connection and try again.',
    'error.micDenied': 'Microphone access was refused. Allow the microphone for this site in your browser settings, then tap the button again.',
    'error.micMissing': 'No microphone was found on this device.',
    'error.micBusy': 'The microphone is in use by another application.',
    'error.micInsecure': 'The microphone works only on a secure page (https:// or localhost).',
    'error.mic': 'The microphone could not be started: {0}',
    'error.playback': 'The answer could not be played: {0}',
    'error.server': 'The server could not answer: {0}',
    'error.tooMany': 'Too many attempts: {0}',
    'dismiss': 'Close',
    'type.placeholder': 'Or type a command…',
    'type.label': 'Command',
    'type.send': 'Send',
  },
  pl: {
    'title': 'Alexa',
    'login.heading': 'Zaloguj się',
    'login.username': 'Użytkownik',
    'login.password': 'Hasło',
    'login.submit': 'Zaloguj',
    'login.wrong': 'Zła nazwa użytkownika lub hasło.',
    'login.expired': 'Sesja wygasła. Zaloguj się ponownie.',
    'logout': 'Wyloguj',
    'socket.connecting': 'Łączenie…',
    'socket.connected': 'Połączono',
    'socket.retrying': 'Brak połączenia, ponowna próba za {0} s',
    'state.idle': 'Dotknij, aby mówić',
    'state.listening': 'Słucham… dotknij, aby wysłać',
    'state.waiting': 'Słucham… (powiedz coś)',
    'state.thinking': 'Myślę…',
    'state.speaking': 'Mówię… dotknij, aby przerwać',
    'log.empty': 'Tu pojawi się rozmowa.',
    'log.you': 'Ty',
    'log.assistant': 'Alexa',
    'log.screen': 'Ekran',
    'log.played': '▶ odpowiedź odtworzona ({0} s)',
    'log.playing': '▶ odtwarzam odpowiedź…',
    'log.replay': 'Odtwórz ponownie',
    'log.noAnswer': '(brak odpowiedzi głosowej)',
    'log.nothingHeard': 'Nic nie usłyszałam.',
    'log.notUnderstood': '(nic nie rozpoznano)',
    'error.unreachable': 'Brak połączenia z serwerem. Sprawdź połączenie i spróbuj ponownie.',
    'error.micDenied': 'Odmówiono dostępu do mikrofonu. Zezwól tej stronie na mikrofon w ustawieniach przeglądarki i dotknij przycisku ponownie.',
    'error.micMissing': 'Nie znaleziono mikrofonu w tym urządzeniu.',
    'error.micBusy': 'Mikrofon jest zajęty przez inną aplikację.',
    'error.micInsecure': 'Mikrofon działa tylko na bezpiecznej stronie (https:// lub localhost).',
    'error.mic': 'Nie udało się włączyć mikrofonu: {0}',
    'error.playback': 'Nie udało się odtworzyć odpowiedzi: {0}',
    'error.server': 'Serwer nie mógł odpowiedzieć: {0}',
    'error.tooMany': 'Za dużo prób: {0}',
    'dismiss': 'Zamknij',
    'type.placeholder': 'Albo wpisz polecenie…',
    'type.label': 'Polecenie',
    'type.send': 'Wyślij',
  },
};

export const language = (navigator.language || 'en').toLowerCase().startsWith('pl') ? 'pl' : 'en';

/** The message for a key, with {0}, {1}... replaced by the arguments. */
export function t(key, ...args) {
  const text = messages[language][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (match, index) => String(args[Number(index)] ?? ''));
}

/** Fills every element marked data-i18n (text), data-i18n-aria (label) or data-i18n-placeholder. */
export function translatePage(root = document) {
  document.documentElement.lang = language;
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-aria]').forEach((element) => {
    element.setAttribute('aria-label', t(element.dataset.i18nAria));
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  });
}
