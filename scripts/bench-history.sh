#!/usr/bin/env bash
# Measures coach against git on a synthetic coaching repository, in the same
# run, so that a busy machine slows both alike: `git log --raw --no-renames --
# skills/` against `coach history --all` cold (--no-cache), building the cache,
# warm, and for one person; then `coach plan --all` (and the same plans from
# a copy of the files without their history) and `coach diff`, and
# coach's peak memory at a quarter, half and all of the history. Runs are
# interleaved (git, then coach, N times) and each figure is the best of N:
# wall time, CPU time (user+sys) and peak resident memory, with ratios to
# git's.
#
# The repository (2,000 people, 100,000 commits by default) is generated
# once and kept under the user's cache directory, keyed by its size and the
# generator's source; GROUND_TRUTH=1 also checks coach's every change against
# git's own log on it (TestMatchesGitLogAt; minutes at this size).
#
#   scripts/bench-history.sh                        # 2,000 people, 100,000 commits
#   PEOPLE=500 COMMITS=20000 RUNS=5 scripts/bench-history.sh
#   GROUND_TRUTH=1 scripts/bench-history.sh
set -euo pipefail
cd "$(dirname "$0")/.."
people=${PEOPLE:-2000}
commits=${COMMITS:-100000}
runs=${RUNS:-3}

if [ ! -x /usr/bin/time ]; then
	apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/coach" ./cmd/coach
go build -o "$work/gensynth" ./scripts/gensynth

gen=$(cat history/synth/synth.go scripts/gensynth/main.go | sha256sum | cut -c1-12)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/coach-bench
repo=$cache/synth-${people}p-${commits}c-$gen
if [ ! -e "$repo/.git/synth-complete" ]; then
	echo "building a repository of $people people and $commits commits in $repo (once)..."
	rm -rf "$repo"
	mkdir -p "$cache"
	"$work/gensynth" -people "$people" -commits "$commits" -out "$repo"
	touch "$repo/.git/synth-complete"
fi

# measure NAME CMD...: one run; appends "wall cpu peak-KiB" to $work/NAME.
measure() {
	local name=$1
	shift
	/usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
		cat "$work/err" >&2
		exit 1
	}
	awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/t" >>"$work/$name"
}

# best NAME: the fastest run's "wall cpu peak-KiB".
best() { sort -n -k1,1 "$work/$1" | head -1; }

coach=("$work/coach" -C "$repo" --quiet)
# The same files without git: what plans cost when there is no history.
mkdir "$work/nohistory"
cp -r "$repo/coach.toml" "$repo/skills" "$work/nohistory/"
for _ in $(seq "$runs"); do
	measure git git -C "$repo" log --raw --no-renames -- skills/
	measure cold "${coach[@]}" history --all --no-cache
	measure json "${coach[@]}" history --all --no-cache --format json
	rm -rf "$repo/.git/coach"
	measure build "${coach[@]}" history --all
	measure warm "${coach[@]}" history --all
	measure one "${coach[@]}" history p0003
	measure plan "${coach[@]}" plan --all --stdout
	measure nohist "$work/coach" -C "$work/nohistory" --quiet plan --all --stdout
	measure diff "${coach[@]}" diff --base HEAD~1 --head HEAD
done

read -r git_s git_c git_k < <(best git)
row() {
	local label=$1 name=$2 s c k
	read -r s c k < <(best "$name")
	awk -v l="$label" -v s="$s" -v c="$c" -v k="$k" -v gs="$git_s" -v gc="$git_c" -v gk="$git_k" \
		'BEGIN{printf "| %s | %.2f s | %.2fx | %.2f s | %.2fx | %d MiB | %.2fx |\n", l, s, s/gs, c, c/gc, k/1024, k/gk}'
}
echo
echo "$people people, $commits commits, best of $runs; CPU is user+sys"
echo
echo "| run | wall | vs git | CPU | vs git | peak memory | vs git |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
row 'git log --raw --no-renames -- skills/' git
row 'coach history --all --no-cache' cold
row 'coach history --all --no-cache --format json' json
row 'coach history --all, building the cache' build
row 'coach history --all, warm' warm
row 'coach history p0003, warm' one
row "coach plan --all --stdout ($people plans), warm" plan
row "the same plans without git history" nohist
row 'coach diff --base HEAD~1 --head HEAD' diff

echo
echo "| commits read (cold) | peak memory |"
echo "| --- | --- |"
for part in 4 2 1; do
	skip=$((commits - commits / part))
	: >"$work/part"
	measure part "${coach[@]}" history --all --no-cache --rev "main~$skip"
	read -r _ _ k < <(best part)
	echo "| about $((commits / part)) | $((k / 1024)) MiB |"
done

if [ -n "${GROUND_TRUTH:-}" ]; then
	echo
	echo "checking every change against git log (TestMatchesGitLogAt)..."
	COACH_GROUND_TRUTH=$repo go test ./history -run 'TestMatchesGitLogAt$' -count=1 -timeout 2h -v | grep -E '^(=== RUN|--- |ok|FAIL|    git_test)'
fi
