/** Word lists for company and contact names; combinations give well over 10,000 distinct companies. */
export const companyPrefixes = [
  'Apex', 'Blue', 'Bright', 'Cedar', 'Clear', 'Copper', 'Crest', 'Delta', 'Echo', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Iron', 'Juniper', 'Keystone',
  'Lumen', 'Maple', 'Nimbus', 'North', 'Oak', 'Orbit', 'Pine', 'Prism', 'Quartz', 'Rapid', 'Ridge', 'River', 'Sage', 'Silver', 'Summit', 'Terra',
  'True', 'Vertex', 'Willow', 'Zenith', 'Atlas', 'Beacon', 'Cobalt', 'Drift',
]
export const companyNouns = [
  'Analytics', 'Logistics', 'Health', 'Labs', 'Foods', 'Freight', 'Dental', 'Energy', 'Media', 'Retail', 'Systems', 'Works', 'Capital', 'Robotics',
  'Learning', 'Travel', 'Security', 'Studio', 'Farms', 'Motors', 'Apparel', 'Insurance', 'Clinics', 'Payments', 'Software', 'Supply', 'Networks',
  'Properties', 'Brewing', 'Outdoors', 'Fitness', 'Legal', 'Marine', 'Pharma', 'Telecom', 'Design', 'Cloud', 'Data', 'Home', 'Bikes',
]
export const companySuffixes = ['Inc', 'LLC', 'Co', 'Group', 'GmbH', 'Ltd', 'Partners', 'Corp']
export const firstNames = [
  'Ada', 'Ben', 'Chloe', 'Diego', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kara', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa',
  'Sam', 'Tara', 'Umar', 'Vera', 'Wes', 'Xin', 'Yara', 'Zane', 'Amir', 'Beth', 'Carlos', 'Dana', 'Emeka', 'Fiona', 'Gus', 'Hana', 'Ivan', 'Jade',
]
export const lastNames = [
  'Anders', 'Brooks', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor',
  'Patel', 'Quist', 'Rossi', 'Schmidt', 'Tanaka', 'Urban', 'Vargas', 'Wright', 'Xu', 'Young', 'Zimmer', 'Abbott', 'Byrne', 'Costa', 'Diaz',
]
export const jobTitles = ['Head of Operations', 'Support Lead', 'CTO', 'Office Manager', 'Customer Success Manager', 'Finance Director', 'IT Admin', 'Founder']
export const locations = [
  ['Boston', 'MA', 'United States'], ['Austin', 'TX', 'United States'], ['Denver', 'CO', 'United States'], ['Seattle', 'WA', 'United States'],
  ['Toronto', 'ON', 'Canada'], ['London', 'England', 'United Kingdom'], ['Berlin', 'Berlin', 'Germany'], ['Dublin', 'Leinster', 'Ireland'],
  ['Sydney', 'NSW', 'Australia'], ['Chicago', 'IL', 'United States'],
] as const
export const competitors = ['Zendesk', 'Freshdesk', 'Intercom', 'Zoho', 'Salesforce']
