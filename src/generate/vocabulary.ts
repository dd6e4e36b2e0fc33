/**
 * Words for synthetic titles and names. Title words come in French/English pairs so that a work can be
 * "translated" (one of the noise kinds); names carry accents so that accent folding is exercised.
 */
export const NOUNS: readonly (readonly [fr: string, en: string])[] = [
  ['Amour', 'Love'], ['Nuit', 'Night'], ['Été', 'Summer'], ['Cœur', 'Heart'], ['Étoile', 'Star'], ['Lumière', 'Light'],
  ['Rêve', 'Dream'], ['Mer', 'Sea'], ['Ciel', 'Sky'], ['Feu', 'Fire'], ['Pluie', 'Rain'], ['Soleil', 'Sun'],
  ['Ville', 'City'], ['Route', 'Road'], ['Fenêtre', 'Window'], ['Mémoire', 'Memory'], ['Café', 'Coffee'], ['Danse', 'Dance'],
  ['Hiver', 'Winter'], ['Printemps', 'Spring'], ['Larmes', 'Tears'], ['Silence', 'Silence'], ['Chanson', 'Song'], ['Temps', 'Time'],
  ['Monde', 'World'], ['Vent', 'Wind'], ['Ombre', 'Shadow'], ['Rivière', 'River'], ['Jardin', 'Garden'], ['Minuit', 'Midnight'],
  ['Fleur', 'Flower'], ['Paradis', 'Paradise'], ['Lune', 'Moon'], ['Matin', 'Morning'], ['Soir', 'Evening'], ['Histoire', 'Story'],
  ['Éternité', 'Eternity'], ['Frontière', 'Border'], ['Tempête', 'Storm'], ['Île', 'Island'], ['Forêt', 'Forest'], ['Désir', 'Desire'],
  ['Voyage', 'Journey'], ['Fête', 'Party'], ['Miroir', 'Mirror'], ['Océan', 'Ocean'], ['Neige', 'Snow'], ['Colère', 'Anger'],
];

export const ADJECTIVES: readonly (readonly [fr: string, en: string])[] = [
  ['Bleu', 'Blue'], ['Rouge', 'Red'], ['Noir', 'Black'], ['Doré', 'Golden'], ['Perdu', 'Lost'], ['Sauvage', 'Wild'],
  ['Lointain', 'Distant'], ['Électrique', 'Electric'], ['Brûlant', 'Burning'], ['Secret', 'Secret'], ['Éternel', 'Eternal'],
  ['Fragile', 'Fragile'], ['Dernier', 'Last'], ['Premier', 'First'], ['Étrange', 'Strange'], ['Léger', 'Light'], ['Vrai', 'True'],
  ['Fou', 'Crazy'], ['Doux', 'Sweet'], ['Froid', 'Cold'],
];

export const FIRST_NAMES: readonly string[] = [
  'Hélène', 'José', 'Zoë', 'François', 'Jürgen', 'Anaïs', 'Chloé', 'Léa', 'Noël', 'Inès', 'Mathéo', 'Agnès', 'Björn', 'Renée',
  'Marie', 'Paul', 'Julien', 'Camille', 'Sophie', 'Thomas', 'Claire', 'Lucas', 'Emma', 'Hugo', 'Sarah', 'David', 'Laura', 'Maxime',
  'Oliver', 'Amelia', 'James', 'Grace', 'Michael', 'Olivia', 'Lukas', 'Hannah', 'Felix', 'Nina',
];

export const LAST_NAMES: readonly string[] = [
  'Lefèvre', 'Müller', 'Núñez', 'Bérard', 'Gómez', 'Dupré', 'Chénier', 'Valéry', 'Schröder', 'Øster', 'Mercier', 'Lambert',
  'Martin', 'Bernard', 'Dubois', 'Durand', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garcia', 'Roux', 'Fournier', 'Girard',
  'Bonnet', 'Rousseau', 'Blanc', 'Guerin', 'Muller', 'Faure', 'Andre', 'Legrand', 'Garnier', 'Chevalier', 'Fontaine', 'Robin',
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Walker', 'Wright', 'Hughes', 'Schmidt', 'Schneider',
  'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Koch',
];

export const LABELS: readonly string[] = [
  'Disques Lumière', 'Northbridge Records', 'Atelier Sonore', 'Label Marais', 'Westgate Recordings', 'Rheinklang Tonträger',
];

export const SERVICE_CODES: Readonly<Record<string, string>> = { Spotify: 'SP', Deezer: 'DZ', AppleMusic: 'AM', YouTube: 'YT' };

/** Reporting currency per report territory (ISO alpha-2); EUR elsewhere. */
export const CURRENCY_BY_TERRITORY: Readonly<Record<string, string>> = { GB: 'GBP', US: 'USD', CH: 'CHF', CA: 'CAD', JP: 'JPY', SE: 'SEK', DK: 'DKK', NO: 'NOK', PL: 'PLN' };
