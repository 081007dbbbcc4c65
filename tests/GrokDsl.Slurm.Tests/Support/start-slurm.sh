#!/bin/bash
# Brings up a single-node Slurm (munged, slurmctld, slurmd) on localhost for the integration tests,
# installing Debian's slurm-wlm and munge first when they are missing. Idempotent: a cluster that
# already answers is left as it is. Exit 0: ready. Exit 3: cannot be done here (the reason is the
# last line of output); the tests skip with it. Anything else: bring-up failed; the tests fail.
set -uo pipefail

cannot() { echo "cannot start Slurm here: $*"; exit 3; }

if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
  echo "Slurm already running"; exit 0
fi

[ "$(id -u)" = 0 ] || cannot "not root, so slurm-wlm cannot be installed nor slurmd started"
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  command -v apt-get >/dev/null || cannot "no apt-get to install slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  # Use the package lists as they are when they know slurm-wlm; update them only when they do not.
  apt-cache show slurm-wlm >/dev/null 2>&1 || timeout 120 apt-get update -qq >/dev/null 2>&1 \
    || cannot "apt-get update failed (no network?)"
  timeout 240 apt-get install -y -qq --no-install-recommends slurm-wlm munge >/tmp/grokdsl-slurm-apt.log 2>&1 \
    || cannot "apt-get install slurm-wlm munge failed: $(tail -n 3 /tmp/grokdsl-slurm-apt.log | tr '\n' ' ')"
fi

# munge: a key readable by munge only, then the daemon as the munge user.
install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
install -d -o munge -g munge -m 0755 /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged --force || cannot "munged does not start"
  sleep 1
  munge -n | unmunge >/dev/null 2>&1 || cannot "munge credentials do not round-trip"
fi

# slurm.conf: the node line as slurmd sees this machine, named localhost.
node=$(slurmd -C 2>/dev/null | head -n 1 | sed -E 's/NodeName=[^ ]+/NodeName=localhost/')
[ -n "$node" ] || cannot "slurmd -C prints no node description"
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat >/etc/slurm/slurm.conf <<CONF
# Written by GrokDsl's Slurm tests (tests/GrokDsl.Slurm.Tests/Support/start-slurm.sh).
ClusterName=grokdsl-ci
SlurmctldHost=localhost
AuthType=auth/munge
# A requeued task waits this long before it starts again (default 120 s); the requeue tests need it short.
AuthInfo=cred_expire=10
SlurmUser=root
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MaxArraySize=10001
KillWait=30
MinJobAge=600
SchedulerParameters=sched_interval=2
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
$node State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF

pgrep -x slurmctld >/dev/null || slurmctld || cannot "slurmctld does not start: $(tail -n 3 /var/log/slurm/slurmctld.log 2>/dev/null | tr '\n' ' ')"
pgrep -x slurmd >/dev/null || slurmd -N localhost || cannot "slurmd does not start: $(tail -n 3 /var/log/slurm/slurmd.log 2>/dev/null | tr '\n' ' ')"
for _ in $(seq 1 30); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then echo "Slurm ready"; exit 0; fi
  sleep 1
done
scontrol update nodename=localhost state=resume >/dev/null 2>&1
sleep 2
sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)' && { echo "Slurm ready"; exit 0; }
echo "Slurm did not become ready: sinfo says '$(sinfo -h 2>&1)'"
tail -n 5 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log 2>/dev/null
exit 1
