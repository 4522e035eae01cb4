package main

import "github.com/coach-dev/coach/internal/version"

// modulePath is where coach is installed from: go install modulePath/cmd/coach@VERSION.
const modulePath = "github.com/coach-dev/coach"

// build is this binary's build (see package version).
type build = version.Build

func readBuild() build { return version.Read() }
