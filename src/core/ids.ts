import { uuidv7 } from 'uuidv7';

/** Every primary key is a UUIDv7: time-ordered, so inserts stay local in B-tree indexes. */
export const newId = (): string => uuidv7();
