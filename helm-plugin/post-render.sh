#!/bin/sh
# Helm runs this with the chart's manifests on stdin and the --post-renderer-args as arguments
# (`--values=mesh.yaml --namespace=vald --verify`). It runs `meshrender post-render` on them: the
# executable named by $MESHRENDER, else `meshrender` on the PATH.
#
# Helm 4 keeps a post-renderer's stderr to itself and reports only "exited with error"; so the one-line
# reason meshrender gives is also written to $MESHRENDER_POST_RENDER_LOG when that is set, and to the
# terminal when there is one.
meshrender=${MESHRENDER:-meshrender}
if ! command -v "$meshrender" >/dev/null 2>&1; then
  echo "meshrender post-renderer: '$meshrender' not found: put meshrender on the PATH or set MESHRENDER" >&2
  exit 127
fi
errors=$(mktemp "${TMPDIR:-/tmp}/meshrender-post-render.XXXXXX") || exit 1
trap 'rm -f "$errors"' EXIT
"$meshrender" post-render "$@" 2>"$errors"
status=$?
cat "$errors" >&2
if [ "$status" -ne 0 ] && [ -s "$errors" ]; then
  if [ -n "${MESHRENDER_POST_RENDER_LOG:-}" ]; then cat "$errors" >>"$MESHRENDER_POST_RENDER_LOG"; fi
  if (: >/dev/tty) 2>/dev/null; then cat "$errors" >/dev/tty; fi
fi
exit "$status"
