/** VERIFY.txt's later parts: checking and making an acceptance, and what to do when a step fails. */

type Rule = (title: string) => string[]

/** Step 6 (checking founders' acceptances) and step 7 (making one with openssl alone). */
export function acceptanceSteps(rule: Rule): string[] {
  const check = 'pkeyutl -verify -pubin -inkey acceptance-NAME.pub.pem -rawin -in acceptance-NAME.txt -sigfile acceptance-NAME.sig'
  return [
    ...rule("STEP 6. Founders' acceptances (when acceptance-*.txt files are here)"),
    'An acceptance names the founder, their email and the time, and the SHA-256 of the exact',
    'manifest.json they accepted, signed with the founder\u2019s own key. For each acceptance-NAME:',
    '  Linux, macOS (OpenSSL 3 as in step 3), Windows (Git Bash, or the openssl.exe of step 3):',
    `    openssl ${check}`,
    '  Expect: Signature Verified Successfully',
    '    grep manifest-sha256 acceptance-NAME.txt',
    '    openssl dgst -sha256 -r manifest.json',
    '  Expect the same 64 digits from both: the acceptance is of this very bundle.',
    '  Whose key it is: openssl pkey -pubin -in acceptance-NAME.pub.pem -outform DER | sha256sum',
    '  prints the founder\u2019s key fingerprint; ask the founder for theirs to compare.',
    ...rule('STEP 7. To accept this bundle yourself, with openssl alone (the founder)'),
    'Run steps 1 to 5 first. Then, in a terminal with OpenSSL 3 (Linux; macOS: first run',
    'export PATH="$(brew --prefix openssl@3)/bin:$PATH"; Windows: Git Bash), inside this folder,',
    'with NAME your name in lower-case letters, digits and dashes (e.g. ada-lovelace):',
    '',
    '    openssl genpkey -algorithm ed25519 -out ~/handover-acceptance.key',
    '    openssl pkey -in ~/handover-acceptance.key -pubout -out acceptance-NAME.pub.pem',
    "    printf 'handover-acceptance/1\\nmanifest-sha256: %s\\nname: %s\\nemail: %s\\naccepted-at: %s\\n' \\",
    '      "$(openssl dgst -sha256 -r manifest.json | cut -c1-64)" "Your Name" "you@example.com" \\',
    '      "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > acceptance-NAME.txt',
    '    openssl pkeyutl -sign -inkey ~/handover-acceptance.key -rawin -in acceptance-NAME.txt -out acceptance-NAME.sig',
    '',
    'Keep handover-acceptance.key to yourself and out of this folder; send your consultant the',
    'folder (or the three acceptance-NAME files) and the fingerprint step 6 prints for your key.',
    'Then run steps 1 and 6 again. With Handover Console instead:',
    '    handover countersign <this folder> --name "Your Name" --email you@example.com',
  ]
}

/** What a person does when a step does not print what it should. */
export function failureAdvice(rule: Rule): string[] {
  return [
    ...rule('WHEN A STEP FAILS'),
    'Do not use the bundle until you know why. Ask your consultant for a fresh copy, and compare',
    'the fingerprint on a call to a number you already have, never one given in the bundle.',
    '',
    'Step 1 prints a name: a file was added after signing (a hidden one starts with a dot).',
    '  Do not open it. Delete it only after your consultant confirms they did not send it.',
    'Step 2 prints another fingerprint: someone other than your consultant signed this bundle,',
    '  even if every other step passes. Treat every file in it as untrusted.',
    'Step 3 prints "Signature Verification Failure": manifest.json, manifest.sig or signer.pub.pem',
    '  changed after signing. Nothing in the folder can be trusted.',
    'Step 4 prints FAILED (or "No such file") on a line: that file changed after signing or is',
    '  missing. The other lines are still what was signed; ask for the changed file again.',
    'Step 5 does not say "Signature is Valid." and "Total document signed", or the cover prints',
    '  another fingerprint, or the two certificate lines differ: the PDF is not the one signed',
    '  with this bundle. Read the PDF from a fresh copy.',
    'Step 6 fails, or the two hashes differ: that acceptance is not of this bundle (it may be of',
    '  an earlier version) or was changed. Ask the founder to accept this bundle again.',
    '"Algorithm Ed25519 not found", "unknown option -rawin" or "command not found": that openssl',
    '  is too old or is LibreSSL; use OpenSSL 3 as step 3 says for your system.',
  ]
}
