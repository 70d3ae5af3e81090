# Debian packages ClinicDesk needs; sourced by scripts/demo, scripts/test and scripts/bench.
# Building needs the libraries; the tests also drive tmux, start PostgreSQL, and lock a
# database with the sqlite3 shell (to show the board waiting it out).
# Printing (prescription slips) needs pango over cairo and libqrencode, and fonts for every
# script the demo's names are in; the tests read the PDFs back with pdftotext and zbarimg.
CLINICDESK_BUILD_PACKAGES=(pkg-config libsqlite3-dev libncursesw5-dev libargon2-dev
    libpango1.0-dev libcairo2-dev libqrencode-dev fonts-noto-core fonts-noto-cjk fonts-noto-mono)
CLINICDESK_PACKAGES=("${CLINICDESK_BUILD_PACKAGES[@]}" tmux postgresql sqlite3 poppler-utils zbar-tools)

# Installs whichever of the named packages (default: CLINICDESK_PACKAGES) are missing
# (needs root), or explains how.
ensure_system_packages() {
    local wanted=("$@")
    [ ${#wanted[@]} -eq 0 ] && wanted=("${CLINICDESK_PACKAGES[@]}")
    local missing=()
    for package in "${wanted[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "== installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Missing system packages: ${missing[*]}" >&2
        echo "Install them with: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
}
