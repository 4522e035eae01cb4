#!/usr/bin/env bash
# Runs the README's two pre-commit configurations through the pre-commit
# framework, against this checkout's committed HEAD (its .pre-commit-hooks.yaml
# and its code, built by the framework as a user's machine builds it):
#   - the root one, in the example repository: passes as made, then fails
#     when a skill file is staged without its plan and team view;
#   - the one for a coaching folder in a larger repository, in a fresh
#     monorepo: passes before anyone is added and after the first person.
# The snippets are read from the README, so the two cannot drift apart.
# Usage: scripts/precommit-check.sh (needs pre-commit, git and go on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sha=$(git rev-parse HEAD)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
export GIT_AUTHOR_NAME=CI GIT_AUTHOR_EMAIL=ci@example.com
export GIT_COMMITTER_NAME=CI GIT_COMMITTER_EMAIL=ci@example.com
go build -o "$work/bin/coach" ./cmd/coach
export PATH="$work/bin:$PATH"

# snippet N prints the Nth ```yaml block that follows a mention of the
# pre-commit framework in the README, pointed at this checkout.
snippet() {
	awk -v want="$1" '
		/\[pre-commit\]\(https:\/\/pre-commit.com\) framework/ { seen++ }
		seen == want && /^```yaml$/ { in_block = 1; next }
		in_block && /^```$/ { exit }
		in_block { print }
	' "$root/README.md" | sed -e "s|https://github.com/coach-dev/coach|$root|" -e "s|rev: v[0-9.]*|rev: $sha|"
}

expect_fail() {
	local what=$1
	shift
	if "$@" >"$work/out" 2>&1; then
		cat "$work/out"
		echo "pre-commit passed $what; it should have failed"
		exit 1
	fi
	grep -q 'coach plan --all --check\.*Failed' "$work/out" || { cat "$work/out"; echo "the plans hook did not fail $what"; exit 1; }
}

echo "-- the root configuration, in the example repository"
coach init --example "$work/example" 2>/dev/null
cd "$work/example"
snippet 2 >.pre-commit-config.yaml
grep -q "rev: $sha" .pre-commit-config.yaml || { echo "README lost its root pre-commit snippet"; exit 1; }
git add .pre-commit-config.yaml
pre-commit run --all-files
git commit -qm "pre-commit config"
sed -i 's/^negotiation = 2$/negotiation = 3/' skills/alice.toml
git add skills/alice.toml
expect_fail "on a level staged without its plan" pre-commit run
coach plan --all 2>/dev/null  # the README loop, step 2: a level that closes a mentoring need moves the mentor's plan too
coach team 2>/dev/null
git add -A
pre-commit run

echo "-- the folder configuration, in a monorepo"
git init -q -b main "$work/mono"
cd "$work/mono"
coach init coaching 2>/dev/null
snippet 1 >.pre-commit-config.yaml
grep -q "args: \[-C, coaching\]" .pre-commit-config.yaml || { echo "README lost its folder pre-commit snippet"; exit 1; }
git add -A
pre-commit run --all-files
git commit -qm "coaching folder"
cp "$work/example/skills/alice.toml" coaching/skills/alice.toml
sed -i '/^manager = /d' coaching/skills/alice.toml
git add -A
expect_fail "on a new person staged without a plan" pre-commit run
coach -C coaching plan --all 2>/dev/null
coach -C coaching team 2>/dev/null
git add -A
pre-commit run
echo "pre-commit: both README configurations pass and block as they should"
