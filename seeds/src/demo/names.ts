/**
 * The names of the demo's children and parents, from the communities In Harmony areas serve, in
 * their own letters (Łucja, Ștefan with a comma below, Gonçalves). Surnames are ones that do not
 * change with the bearer (Polish Wójcik, not Kowalski/Kowalska), so that a mother and her son can
 * share one; none is a word of a demo school's name (an export check looks for names as words).
 */
export type Community =
  | 'white_british'
  | 'irish'
  | 'polish'
  | 'romanian'
  | 'portuguese'
  | 'pakistani'
  | 'bengali'
  | 'arabic'
  | 'somali'
  | 'nigerian'
  | 'ghanaian'
  | 'caribbean';

export interface CommunityNames {
  /** The family language a family of this community may prefer, where the area offers it. */
  language: string | null;
  children: string[];
  parents: string[];
  surnames: string[];
}

export const COMMUNITY_NAMES: Record<Community, CommunityNames> = {
  white_british: {
    language: null,
    children: [
      'Olivia',
      'Jack',
      'Amelia',
      'Harry',
      'Isla',
      'Charlie',
      'Poppy',
      'Alfie',
      'Freya',
      'Noah',
      'Evie',
      'Oscar',
      'Ruby',
      'George',
      'Ellie',
      'Archie',
    ],
    parents: ['Gemma', 'Dean', 'Kelly', 'Paul', 'Joanne', 'Lee', 'Rachel', 'Craig', 'Stacey', 'Mark', 'Laura', 'Darren'],
    surnames: [
      'Hughes',
      'Jones',
      'Evans',
      'Roberts',
      'Taylor',
      'Wilson',
      'Harrison',
      'Wright',
      'Robinson',
      'Davies',
      'Bennett',
      'Robson',
      'Armstrong',
      'Sutcliffe',
      'Cooper',
      'Marsh',
    ],
  },
  irish: {
    language: null,
    children: ['Niamh', 'Cian', 'Aoife', 'Oisín', 'Siobhán', 'Ciarán', 'Róisín', 'Seán'],
    parents: ['Siobhan', 'Declan', 'Bernadette', 'Kieran', 'Maureen', 'Brendan'],
    surnames: ['Murphy', 'Doyle', 'McCann', 'Kelly', 'Byrne', 'Gallagher', 'Quinn', 'Flanagan'],
  },
  polish: {
    language: 'pl',
    children: ['Łucja', 'Zofia', 'Jakub', 'Szymon', 'Maja', 'Wojciech', 'Zuzanna', 'Kacper', 'Hanna', 'Mikołaj', 'Alicja', 'Bartłomiej'],
    parents: ['Agnieszka', 'Bartosz', 'Katarzyna', 'Łukasz', 'Magdalena', 'Paweł', 'Małgorzata', 'Tomasz'],
    surnames: ['Nowak', 'Wójcik', 'Kowalczyk', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Zając', 'Król', 'Wróbel', 'Dudek', 'Pawlak', 'Sikora'],
  },
  romanian: {
    language: 'ro',
    children: ['Ștefan', 'Andreea', 'Ioana', 'Mihai', 'Bianca', 'Răzvan', 'Alexandru', 'Daria', 'Ilinca', 'Ionuț'],
    parents: ['Elena', 'Gheorghe', 'Mirela', 'Florin', 'Cristina', 'Vasile'],
    surnames: ['Popescu', 'Ionescu', 'Dumitrașcu', 'Stănescu', 'Munteanu', 'Lupu', 'Rusu', 'Moldovan', 'Ștefănescu', 'Constantin'],
  },
  portuguese: {
    language: 'pt',
    children: ['João', 'Inês', 'Tiago', 'Beatriz', 'Rodrigo', 'Leonor', 'Gonçalo', 'Matilde'],
    parents: ['Ana', 'Ricardo', 'Sílvia', 'Nuno', 'Patrícia', 'Sérgio'],
    surnames: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Gonçalves', 'Rodrigues', 'Sousa', 'Fernandes'],
  },
  pakistani: {
    language: 'ur',
    children: ['Ayesha', 'Zainab', 'Hamza', 'Bilal', 'Maryam', 'Ibrahim', 'Hafsa', 'Usman', 'Imaan', 'Zayan'],
    parents: ['Shazia', 'Tariq', 'Nasreen', 'Imran', 'Rubina', 'Asif'],
    surnames: ['Khan', 'Hussain', 'Iqbal', 'Akhtar', 'Rashid', 'Mahmood', 'Chaudhry', 'Qureshi', 'Malik', 'Shah'],
  },
  bengali: {
    language: null,
    children: ['Tahmid', 'Nusrat', 'Rafi', 'Sumaiya', 'Arif', 'Tasnim', 'Nabil', 'Farhana'],
    parents: ['Rehana', 'Jamal', 'Shirin', 'Kamal', 'Salma', 'Abul'],
    surnames: ['Rahman', 'Uddin', 'Miah', 'Chowdhury', 'Islam', 'Hossain', 'Sarkar', 'Ali'],
  },
  arabic: {
    language: 'ar',
    children: ['Yusuf', 'Mariam', 'Omar', 'Layla', 'Khalid', 'Noor', 'Adam', 'Huda', 'Samir', 'Rania'],
    parents: ['Fatima', 'Ahmed', 'Samira', 'Nabil', 'Amal', 'Walid'],
    surnames: ['Al-Sabri', 'Mansour', 'Saleh', 'Nasser', 'Al-Hakimi', 'Abdullah', 'Qasem', 'Haidar'],
  },
  somali: {
    language: 'so',
    children: ['Hodan', 'Abdirahman', 'Ayaan', 'Liban', 'Sagal', 'Faisal', 'Hamdi', 'Khadar', 'Ubah', 'Mahad'],
    parents: ['Fadumo', 'Abdullahi', 'Halima', 'Mohamed', 'Sahra', 'Yusuf'],
    surnames: ['Abdi', 'Farah', 'Hassan', 'Warsame', 'Osman', 'Jama', 'Nur', 'Egal'],
  },
  nigerian: {
    language: null,
    children: ['Chiamaka', 'Tobi', 'Ifeoma', 'Emeka', 'Adaeze', 'Olumide', 'Temitope', 'Chinedu', 'Folake', 'Kelechi'],
    parents: ['Ngozi', 'Oluwaseun', 'Funmilayo', 'Chukwuemeka', 'Yetunde', 'Babatunde'],
    surnames: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Adebayo', 'Nwosu', 'Ogunleye', 'Afolabi', 'Chukwu'],
  },
  ghanaian: {
    language: null,
    children: ['Ama', 'Kofi', 'Akosua', 'Kwabena', 'Abena', 'Yaw', 'Efua', 'Kwesi'],
    parents: ['Akua', 'Kwaku', 'Adwoa', 'Kojo', 'Yaa', 'Kwame'],
    surnames: ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Darko', 'Appiah', 'Agyeman'],
  },
  caribbean: {
    language: null,
    children: ['Jermaine', 'Shanice', 'Tyrone', 'Kezia', 'Marcus', 'Aaliyah', 'Dwayne', 'Tianna', 'Leon', 'Chantelle'],
    parents: ['Marcia', 'Delroy', 'Yvonne', 'Winston', 'Paulette', 'Errol'],
    surnames: ['Campbell', 'Thompson', 'Williams', 'Francis', 'Grant', 'Edwards', 'Reid', 'Samuels', 'Bailey', 'McKenzie'],
  },
};

/** Roughly who each demo area's families are (weights), after the neighbourhoods its schools serve. */
export const AREA_COMMUNITIES: Record<string, Partial<Record<Community, number>>> = {
  liverpool: { white_british: 40, irish: 12, polish: 14, arabic: 14, nigerian: 10, somali: 5, caribbean: 5 },
  lambeth: { caribbean: 22, portuguese: 18, somali: 14, white_british: 14, nigerian: 12, ghanaian: 10, bengali: 10 },
  leeds: { pakistani: 30, white_british: 25, polish: 14, romanian: 10, bengali: 10, caribbean: 6, nigerian: 5 },
  newcastle: { white_british: 65, irish: 5, polish: 10, bengali: 8, arabic: 7, nigerian: 5 },
  nottingham: { white_british: 45, romanian: 18, polish: 12, pakistani: 10, caribbean: 10, nigerian: 5 },
  'telford-stoke': { white_british: 55, pakistani: 20, polish: 13, romanian: 12 },
};
