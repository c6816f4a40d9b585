#!/usr/bin/env node
// `npx liaison <command>`: runs src/cli/liaison.ts through tsx (the same TypeScript the server runs).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/liaison.ts', import.meta.url).href);
