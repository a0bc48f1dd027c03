"""The FHIR face: the story as FHIR R4B resources in a Bundle, and its route."""
