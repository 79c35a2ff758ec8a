#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL cluster.
# (Skeleton: issue 6 replaces this with a real throwaway cluster.)
set -euo pipefail
echo "PostgreSQL run not wired yet; skipping."
