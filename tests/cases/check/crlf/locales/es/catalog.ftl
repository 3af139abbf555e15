### El vocabulario del catálogo. Los roles, dominios y grupos aún no están traducidos: se muestran
### en inglés, la lengua de origen.

## Niveles de seniority, del primero al último. Los nombres en inglés son los habituales en el
## sector; aparecen en frases como "desde Junior hasta Principal".

level-junior = Junior
level-middle = Middle
level-senior = Senior
level-lead = Lead
level-principal = Principal
