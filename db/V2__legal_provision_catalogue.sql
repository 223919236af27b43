-- Reference catalogue of legal provisions invoked against political prisoners. Real provisions;
-- ADMIN can add more. Codes are stable identifiers used by the API and by imports.
insert into legal_provision (id, code, country, law, article, title) values
  ('6f1d3c1e-0001-4000-8000-000000000001', 'CL-LEY-12927-ART6', 'CL', 'Ley 12.927 sobre Seguridad del Estado', 'Art. 6', 'Public disorder offences against the internal security of the State'),
  ('6f1d3c1e-0001-4000-8000-000000000002', 'CL-LEY-12927-ART4', 'CL', 'Ley 12.927 sobre Seguridad del Estado', 'Art. 4', 'Offences against the internal security of the State'),
  ('6f1d3c1e-0001-4000-8000-000000000003', 'CL-LEY-21208', 'CL', 'Ley 21.208 ("ley antibarricadas")', 'Art. 268 septies Código Penal', 'Obstructing public roads with barricades or objects'),
  ('6f1d3c1e-0001-4000-8000-000000000004', 'CL-LEY-18314', 'CL', 'Ley 18.314 que determina conductas terroristas', NULL, 'Terrorist conduct'),
  ('6f1d3c1e-0001-4000-8000-000000000005', 'CL-CP-269', 'CL', 'Código Penal', 'Art. 269', 'Public disorder (desórdenes públicos)'),
  ('6f1d3c1e-0001-4000-8000-000000000006', 'CL-CP-268BIS', 'CL', 'Código Penal', 'Art. 268 bis', 'Public disorder with violence'),
  ('6f1d3c1e-0001-4000-8000-000000000007', 'CL-CP-474', 'CL', 'Código Penal', 'Art. 474', 'Arson (incendio)'),
  ('6f1d3c1e-0001-4000-8000-000000000008', 'CL-CP-436', 'CL', 'Código Penal', 'Art. 436', 'Robbery with violence or intimidation (saqueo)'),
  ('6f1d3c1e-0001-4000-8000-000000000009', 'CL-LEY-17798-ART14D', 'CL', 'Ley 17.798 sobre Control de Armas', 'Art. 14 D', 'Throwing or placing incendiary devices (molotov)'),
  ('6f1d3c1e-0001-4000-8000-000000000010', 'CL-LEY-17798-ART9', 'CL', 'Ley 17.798 sobre Control de Armas', 'Art. 9', 'Illegal possession of firearms'),
  ('6f1d3c1e-0001-4000-8000-000000000011', 'CL-CP-416BIS', 'CL', 'Código Penal', 'Art. 416 bis', 'Assault on police officers (maltrato de obra a Carabineros)'),
  ('6f1d3c1e-0001-4000-8000-000000000012', 'BY-CC-342', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 342', 'Organisation of, or active participation in, group actions grossly violating public order'),
  ('6f1d3c1e-0001-4000-8000-000000000013', 'BY-CC-361-1', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 361-1', 'Creation of, or participation in, an extremist formation'),
  ('6f1d3c1e-0001-4000-8000-000000000014', 'BY-CC-361-4', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 361-4', 'Facilitating extremist activity'),
  ('6f1d3c1e-0001-4000-8000-000000000015', 'BY-CC-293', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 293', 'Mass riots'),
  ('6f1d3c1e-0001-4000-8000-000000000016', 'BY-CC-130', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 130', 'Incitement to racial, national, religious or other social enmity or discord'),
  ('6f1d3c1e-0001-4000-8000-000000000017', 'BY-CC-368', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 368', 'Insulting the President of the Republic of Belarus'),
  ('6f1d3c1e-0001-4000-8000-000000000018', 'BY-CC-369', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 369', 'Insulting a representative of the authorities'),
  ('6f1d3c1e-0001-4000-8000-000000000019', 'BY-CC-356', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 356', 'High treason'),
  ('6f1d3c1e-0001-4000-8000-000000000020', 'BY-CC-363', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 363', 'Resistance to a police officer or other person protecting public order'),
  ('6f1d3c1e-0001-4000-8000-000000000021', 'BY-CC-364', 'BY', 'Criminal Code of the Republic of Belarus', 'Art. 364', 'Violence or threat of violence against a police officer');
