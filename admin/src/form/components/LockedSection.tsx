// A section that opens only after others are complete (unlockAfter): its title and which sections open it.
import { lockedNote } from '../lib/completion.ts';
import type { Campaign, Section } from '../lib/types.ts';

export function LockedSection({ campaign, section }: { campaign: Campaign; section: Section }) {
  return (
    <div class="section">
      <h2 id="section-title" tabIndex={-1}>
        {section.title}
      </h2>
      <p class="banner">{lockedNote(campaign, section)}</p>
    </div>
  );
}
