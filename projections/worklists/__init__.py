"""Provider lists kept as indexed tables: each batch of facts recomputes the rows of the people
it touched, so a waiting list, a caseload or a search costs the rows asked, not the history."""
