/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {svg} from 'lit';

/** The success message's mark (a 20×20 path). */
export const checkIcon = svg`<path fill="currentColor" d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm4.03 6.28-4.75 5.5a.75.75 0 0 1-1.1.04l-2.25-2.25a.75.75 0 1 1 1.06-1.06l1.68 1.68 4.22-4.89a.75.75 0 1 1 1.14.98Z"/>`;

/** The error messages' mark (a 20×20 path). */
export const alertIcon = svg`<path fill="currentColor" d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 4a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5.5Zm0 9.25a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z"/>`;
