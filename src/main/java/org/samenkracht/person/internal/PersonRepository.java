package org.samenkracht.person.internal;

import org.springframework.data.repository.ListCrudRepository;

import java.util.UUID;

interface PersonRepository extends ListCrudRepository<Person, UUID> {
}
