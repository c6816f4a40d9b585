import type { BenchCase } from '../lib/cases';
import { health } from './health';
import { publicSupportContact } from './public-support-contact';
import { contactInfoRead, contactInfoWrite, session } from './signed-in';

/**
 * Every case, in the order they run on each database (writes last, so the reads see the
 * seeded state). Add a case here; BENCH_CASES=name,name runs a subset.
 */
export const CASES: BenchCase[] = [health, publicSupportContact, session, contactInfoRead, contactInfoWrite];
