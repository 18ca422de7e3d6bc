/* takt-demand.c — part of the Takt scheduling core (being written)
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "takt-plan.h"
