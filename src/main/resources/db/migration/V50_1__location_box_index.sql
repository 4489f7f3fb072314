-- Matching looks nearby first: offers with a location inside a box around the person's place.
create index socialmap_location_box_idx on socialmap_location (latitude, longitude);
