#!/usr/bin/env bash
# Measures `coach history --all` against `git log --raw --no-renames -- skills/`
# on a synthetic coaching repository: the cold ratio (--no-cache), the warm
# ratio (with .git/coach/ filled), and coach's peak memory at a quarter, half
# and all of the history. Each time is the best of three runs.
#
#   scripts/bench-history.sh                 # 500 people, 20,000 commits
#   PEOPLE=100 COMMITS=5000 scripts/bench-history.sh
set -euo pipefail
cd "$(dirname "$0")/.."
people=${PEOPLE:-500}
commits=${COMMITS:-20000}

if [ ! -x /usr/bin/time ]; then
	apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/coach" ./cmd/coach
go build -o "$work/gensynth" ./scripts/gensynth
echo "building a repository of $people people and $commits commits..."
"$work/gensynth" -people "$people" -commits "$commits" -out "$work/repo"
repo=$work/repo

# best CMD...: prints "seconds peak-KiB" of the fastest of three runs.
best() {
	local b="" m=""
	for _ in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1
		read -r s k <"$work/t"
		if [ -z "$b" ] || awk "BEGIN{exit !($s < $b)}"; then b=$s; m=$k; fi
	done
	echo "$b $m"
}

read -r git_s git_k < <(best git -C "$repo" log --raw --no-renames -- skills/)
read -r cold_s cold_k < <(best "$work/coach" -C "$repo" history --all --no-cache --format json)
"$work/coach" -C "$repo" history --all >/dev/null # fill .git/coach/
read -r warm_s warm_k < <(best "$work/coach" -C "$repo" history --all --format json)
read -r one_s one_k < <(best "$work/coach" -C "$repo" history p0003 --format json)

ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
echo
echo "| run | time | vs git | peak memory |"
echo "| --- | --- | --- | --- |"
echo "| git log --raw --no-renames -- skills/ | ${git_s} s | 1.00x | $((git_k / 1024)) MiB |"
echo "| coach history --all, cold (--no-cache) | ${cold_s} s | $(ratio "$cold_s" "$git_s")x | $((cold_k / 1024)) MiB |"
echo "| coach history --all, warm | ${warm_s} s | $(ratio "$warm_s" "$git_s")x | $((warm_k / 1024)) MiB |"
echo "| coach history p0003, warm | ${one_s} s | $(ratio "$one_s" "$git_s")x | $((one_k / 1024)) MiB |"

echo
echo "| commits read (cold) | peak memory |"
echo "| --- | --- |"
for part in 4 2 1; do
	skip=$((commits - commits / part))
	read -r _ k < <(best "$work/coach" -C "$repo" history --all --no-cache --format json --rev "main~$skip")
	echo "| about $((commits / part)) | $((k / 1024)) MiB |"
done
