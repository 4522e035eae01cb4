#!/bin/sh
# Builds the second test team in the directory given: a payments product
# group of eight whose git history (fixed dates and authors) holds the
# situations the example lacks: a Group PM below his own bar, a first-time
# manager, a PM re-baselined by her new manager, a senior PM at the next
# role's bar for months, a director back from six months of leave, a move to
# the IC track, an APM with few skills assessed, and a new hire.
#
#   exec sh $TESTDATA/team2/build.sh team2
set -eu
src=$(cd "$(dirname "$0")" && pwd)
dir=$1
coach init "$dir" >/dev/null 2>&1
cd "$dir"
cp "$src/coach.toml" coach.toml

# commit DATE AUTHOR MESSAGE [DEST <- SOURCE]...: writes each file from team2
# (history/X.toml, or skills/X.toml for its final version) and commits them.
commit() {
	when=$1 who=$2 msg=$3
	shift 3
	for spec in "$@"; do
		dst=${spec%% <- *}
		from=${spec#* <- }
		mkdir -p "$(dirname "$dst")"
		cp "$src/$from" "$dst"
		git add "$dst"
	done
	case $who in
	rosa) name="Rosa Lindqvist" ;;
	dana) name="Dana Whitfield" ;;
	marcus) name="Marcus Bell" ;;
	kofi) name="Kofi Mensah" ;;
	esac
	GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$who@payments.example \
		GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$who@payments.example \
		GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when \
		git commit -q -m "$msg"
}

git add -A
commit 2026-01-12T09:00:00Z rosa "Set up the coaching repository for the payments team"
commit 2026-01-14T15:00:00Z rosa "First assessments of the payments team, calibrated with HR" \
	"skills/dana.toml <- history/dana-1.toml" \
	"skills/marcus.toml <- history/marcus-1.toml" \
	"skills/kofi.toml <- history/kofi-1.toml" \
	"skills/lena.toml <- history/lena-1.toml" \
	"skills/tomas.toml <- history/tomas-1.toml" \
	"skills/raj.toml <- history/raj-1.toml"
commit 2026-03-10T11:00:00Z marcus "Tomás: coaching and feedback 2 -> 3 after a quarter running the PM guild" \
	"skills/tomas.toml <- history/tomas-2.toml"
commit 2026-03-16T10:00:00Z rosa "Dana: product-strategy 4 -> 5 for the strategy the offsite adopted" \
	"skills/dana.toml <- history/dana-2.toml"
commit 2026-05-19T16:00:00Z marcus "Tomás: at the Group PM bar on every skill" \
	"skills/tomas.toml <- history/tomas-3.toml"
commit 2026-06-01T09:30:00Z marcus "Add Ivy, who joined today as our APM" \
	"skills/ivy.toml <- history/ivy-1.toml"
commit 2026-06-08T14:00:00Z marcus "Lena: customer-insight 2 -> 3 after the merchant interviews" \
	"skills/lena.toml <- history/lena-2.toml"
commit 2026-08-24T17:00:00Z rosa "Marcus: team-health 3 -> 2 after the August pulse survey" \
	"skills/marcus.toml <- history/marcus-2.toml"
commit 2026-09-01T09:00:00Z rosa "Kofi: promoted to Group Product Manager; Lena now reports to him" \
	"skills/kofi.toml <- history/kofi-2.toml" \
	"skills/lena.toml <- history/lena-3.toml"
commit 2026-09-22T16:30:00Z kofi "Lena: my first assessment as her manager" \
	"skills/lena.toml <- history/lena-4.toml"
commit 2026-10-12T10:00:00Z marcus "Raj: target principal-pm; he chose the IC track over managing" \
	"skills/raj.toml <- history/raj-2.toml"
commit 2026-10-12T11:00:00Z kofi "Add Nina, who joined today" \
	"skills/nina.toml <- history/nina-1.toml"
commit 2026-10-19T09:00:00Z rosa "Dana is back from leave" \
	"skills/dana.toml <- history/dana-3.toml"
commit 2026-11-03T15:00:00Z rosa "Dana: market-knowledge 4 -> 3 after six months away" \
	"skills/dana.toml <- skills/dana.toml"
commit 2026-11-10T13:00:00Z marcus "Ivy: three skills assessed after the saved-cards fix" \
	"skills/ivy.toml <- skills/ivy.toml"
commit 2026-11-16T17:30:00Z dana "Marcus: November review" \
	"skills/marcus.toml <- skills/marcus.toml"
commit 2026-11-17T10:00:00Z marcus "Raj: outcome-focus 3 -> 4 for the payouts latency work" \
	"skills/raj.toml <- skills/raj.toml"
commit 2026-11-18T16:00:00Z kofi "Lena: goals for Q1 and her self-assessment" \
	"skills/lena.toml <- skills/lena.toml"
commit 2026-11-19T15:00:00Z marcus "Tomás: goals for his promotion case" \
	"skills/tomas.toml <- skills/tomas.toml"
commit 2026-11-20T11:00:00Z dana "Kofi: November review and his self-assessment" \
	"skills/kofi.toml <- skills/kofi.toml"
commit 2026-11-20T14:00:00Z kofi "Nina: first levels at week six" \
	"skills/nina.toml <- skills/nina.toml"
