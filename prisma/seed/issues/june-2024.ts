// Regional Update – June 2024, from /work/shared/bulletins/2024-06-regional-update.txt.
//
// About links: the plain-text export of the bulletin lost every link target, and
// we never invent URLs. Where the source said "click here" / "Details can be found
// here" / "Booking is via the links below", the sentence is reworded descriptively
// and kept as plain text (no href). The wording is otherwise the source's; only
// whitespace was tidied (repeated spaces, blank lines). Spelling slips in the
// source ("Molinuex", "next years") are kept as published.
import { bold, doc, list, p, paras, h2, quote } from '../rich-text';
import { londonInstant, timed } from '../time';
import type { IssueSeed } from '../types';

export const JUNE_2024: IssueSeed = {
  slug: 'regional-update-june-2024',
  title: 'Regional Update – June 2024',
  month: '2024-06-01',
  status: 'PUBLISHED',
  summary:
    'Emma Taylor introduces herself as the new sponsor of the Quality of Performance and Practice Group, with news from the Principal Social Workers conference, the Care Leaver Championship Cup and the West Midlands Participation Leads Network, and the first Regional Master Classes of the year.',
  // "Summer officially started yesterday evening": the solstice fell on 20 June 2024.
  publishedAt: londonInstant('2024-06-21', '12:00'),
  sections: [
    {
      kind: 'INTRO',
      title: 'From Sandwell Children’s Trust’s Chief Executive and our QPPG sponsor',
      body: doc(
        ...paras(
          'It’s hard to believe it’s been 18 months since my last Regional Update introduction, and there’s definitely been several changes in that time. I remember telling you that I was part of the West Midlands Mayoral Race Equalities Task Group; and I still am, although we are waiting to see where the new Mayor wishes to take this group. However, there is still plenty to do on the regional front!',
          'When Emma Bennett took up her new role, I was happy to put myself forward for the opportunity to become the sponsor for Quality of Performance and Practice Group, or QPPG as we all have come to know it. I have reflected on why I was so keen to do this and I remember being in a similar group as an AD in another region. I remember how pivotal the group was and the important role everyone in the group had in driving forward the regional plan.',
          'Like some of our other regional groups, QPPG has seen some changes over the last few months and I was pleased to join colleagues for face to face meeting earlier this year. During subsequent meetings it has been good to see their collective enthusiasm to influence change on many of the important regional issues, especially whilst managing competing priorities in their own councils and Trusts. I hope to develop relationships with the group over the next few months so I can support them to achieve this.',
          'At national level, more change is likely, whatever the outcome is of the General Election, and it does feel like pre-election restrictions have impacted a lot of our communication with colleagues in Whitehall. However, this is a momentary pause, and we will soon be back to managing the emerging themes within Stable Homes Build on Love and the implications of Working Together 2023.',
          'Similarly, there is not much news we can share regarding inspection publications- again they are all on hold at the moment. What we can share though is that Sally Giles has now been permanently appointed as Director of Children and Education, with the statutory DCS role, at Sandwell council. I look forward to continuing my close working relationship with Sally and on behalf of everyone in the region I’d like to congratulate Sally on her appointment.',
          'That just leaves me to say thank you to you all for your continued support for the region, your own communities and of course the children and families who we work with. You may not believe it, but Summer officially started yesterday evening so maybe we can finally put the umbrellas away for a few days and enjoy a bit of sunshine! Everyone is busy, so whenever it does come, please take some time to enjoy it…',
        ),
      ),
      signOff: 'Kind regards',
      signatory: 'emma-taylor',
    },
    {
      kind: 'ARTICLE',
      title: 'West Midlands Regional Principal Social Workers Conference 2024',
      body: doc(
        ...paras(
          'The theme of this year’s annual conference was ‘Child and Young People’s Voice” and featured speakers and good practice from across the region. The event was very well attended and feedback was positive.',
          'As always, we have asked delegates to share their learning across their own organisation, so we would be grateful if senior leaders support, and give opportunities for this to happen.',
        ),
      ),
      topics: ['practice-development', 'participation'],
    },
    {
      kind: 'ARTICLE',
      title: 'Care Leaver Championship Cup',
      body: doc(
        p(
          'On the 1st of June 2024 our care leaver football teams, their coaches and supporters braved the early morning chill to come together at the iconic Molinuex Stadium to face each other to win the coveted Championship Cup! There was excitement in the air, plenty of selfies and a real sense of ‘Togetherness’ for all those in attendance. All teams played a fantastic game, Warwickshire claimed the top prize, with trophies also handed out to others and all players receiving a medal. The event was hosted by Wolverhampton Care Leaver Service ‘Reach’ with a pledge to make next years event even bigger and better! Comments from our care leavers who attended included:',
        ),
        // The blockquote marks the quotation; the source's mixed straight/curly quote marks are dropped.
        quote('Trust me today was class I thank all of the people who made this possible it was a great experience.'),
        quote('Yeh it’s a lifelong memory that’s changed everyone'),
        quote('Made my dreams come true playing at a premier league stadium is even more amazing'),
        // Source: "For more amazing pictures of the event, please click here." (link target lost).
        p('For more amazing pictures of the event, see the event’s photo gallery.'),
      ),
      topics: ['care-experience'],
    },
    {
      kind: 'ARTICLE',
      title: 'A Focus on Participation',
      bylines: ['abdul-kahar'],
      body: doc(
        ...paras(
          'Hello, my name is Abdul Kahar and I am the Participation Manager at Sandwell Children’s Trust. I have been in this role for a while now and I am passionate about advocating for children and young people. I have been part of the West Midlands Participation Leads Network since its inception in 2019, and in January 2024 I became chair of the network which is a real privilege.',
          'The WMPLN bring together Participation Leads across the 14 local authorities to share good practice, develop a general consensus on Participation Practice and also to bring young people together as the Regional group for children with a Social Worker. There is also an ADCS sponsor who supports us and advocates on our behalf. The WMPLN meets on a quarterly basis and has task and finish groups for specific pieces of work. There are also monthly Breakfast meetings for all Participation workers and leads to come together in an informal setting to talk about best practice and solutions to issues in the Participation world.',
          'We have seen a number of initiatives developed via the WMPLN such as:',
        ),
        list(
          'The development of the West Midlands Participation Strategy',
          'Apprenticeship Guide for professionals',
          'The Blueprint regional offer for care experienced young people (ongoing)',
        ),
        p(
          'We will be hosting our first Participation Leads conference in September 2024 at Worcestershire Cricket Ground. The focus of the day will be to revise the West Midlands Strategy and to undergo a review of the current priorities and plan for future activity. If you would like your local authority to take part, please get in touch with myself or Elizabeth White (Regional Projects Officer), or any member of the WMADCS network.',
        ),
      ),
      topics: ['participation'],
    },
    {
      kind: 'EVENT_LIST',
      title: 'Key Events',
      body: doc(
        h2('Leading Change in SEND/AP'),
        p(
          'The Staff College and NDTi are thrilled to offer a second cohort on this comprehensive programme designed for ambitious leaders keen to improve life outcomes for children and young people with SEND/AP and their families.',
        ),
        // Source: "Details can be found here." (link target lost).
        p('Details are available from The Staff College and NDTi.'),
        p(
          bold('Regional Master Classes:'),
          ' Each year our 14 Councils and Trusts share their good practice across the breadth of children’s services in the form of online Master classes. Don’t miss your chance to book onto as many as you like and benefit from the wealth of experience the region brings! The classes announced so far are listed below.',
        ),
        p('More dates and classes will be announced soon!'),
      ),
      topics: ['send', 'leadership', 'practice-development'],
      events: [
        {
          slug: 'regional-master-class-warwickshire-july-2024',
          title: 'Regional Master Class: Warwickshire County Council',
          description: doc(
            p('Presented by Michelle Warren, Daniel Atkins, and Nigel Jones from Warwickshire County Council.'),
            p(
              'Each year our 14 Councils and Trusts share their good practice across the breadth of children’s services in the form of online Master classes.',
            ),
          ),
          organiser: 'warwickshire-county-council',
          audience: 'Colleagues across children’s services in the region’s 14 councils and trusts',
          price: { isFree: true },
          mode: 'ONLINE',
          presenters: ['michelle-warren', 'daniel-atkins', 'nigel-jones'],
          topics: ['practice-development'],
          sessions: [timed('2024-07-01', '12:00', '13:30')],
        },
        {
          slug: 'regional-master-class-dudley-july-2024',
          title: 'Regional Master Class: Dudley MBC',
          description: doc(
            p('Presented by Nicola Hale – Dudley MBC.'),
            p(
              'Each year our 14 Councils and Trusts share their good practice across the breadth of children’s services in the form of online Master classes.',
            ),
          ),
          organiser: 'dudley-mbc',
          audience: 'Colleagues across children’s services in the region’s 14 councils and trusts',
          price: { isFree: true },
          mode: 'ONLINE',
          presenters: ['nicola-hale'],
          topics: ['practice-development'],
          sessions: [timed('2024-07-12', '09:30', '11:00')],
        },
      ],
    },
  ],
};
