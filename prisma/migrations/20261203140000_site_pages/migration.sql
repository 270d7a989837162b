-- Pages of the site itself, edited by admins and editors: the accessibility
-- statement (Public Sector Bodies Accessibility Regulations 2018) and the privacy
-- notice. The slugs are a fixed set, so each page has its own route.
-- CreateTable
CREATE TABLE "SitePage" (
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID,

    CONSTRAINT "SitePage_pkey" PRIMARY KEY ("slug")
);

-- AddForeignKey
ALTER TABLE "SitePage" ADD CONSTRAINT "SitePage_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The fixed set of pages (lib/validation/site-pages.ts, SITE_PAGE_SLUGS).
ALTER TABLE "SitePage" ADD CONSTRAINT "SitePage_slug_check" CHECK ("slug" IN ('accessibility', 'privacy'));
ALTER TABLE "SitePage" ADD CONSTRAINT "SitePage_title_check" CHECK (length(btrim("title")) > 0);

-- Default text, edited from the admin (Site pages).
INSERT INTO "SitePage" ("slug", "title", "body") VALUES
  ('accessibility', 'Accessibility statement', $body${
  "type": "doc",
  "content": [
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "This accessibility statement applies to the Regional Update website: the monthly bulletin of the region’s children’s services councils and trusts, its events pages and its search."
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "This website is run by the West Midlands children’s services regional partnership. We want as many people as possible to be able to use it. For example, that means you should be able to:"
        }
      ]
    },
    {
      "type": "bulletList",
      "content": [
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "change colours, contrast levels and fonts using your browser or device settings"
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "zoom in up to 400% without the text spilling off the screen"
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "navigate the whole website using just a keyboard"
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "navigate most of the website using speech recognition software"
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "listen to the website using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)"
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "read every page, follow links, filter events and search with JavaScript turned off"
                }
              ]
            }
          ]
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "We’ve also made the text as simple as possible to understand."
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "AbilityNet has advice on making your device easier to use",
          "marks": [
            {
              "type": "link",
              "attrs": {
                "href": "https://mcmw.abilitynet.org.uk/"
              }
            }
          ]
        },
        {
          "type": "text",
          "text": " if you have a disability."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "How accessible this website is"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "We know some things linked from this website are not fully accessible: articles link to documents, such as PDF brochures, and to websites run by other organisations, which may not be accessible."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Feedback and contact information"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "If you need information on this website in a different format, like an accessible PDF, large print, easy read, an audio recording or braille, contact the Regional Update editorial team through the children’s services department of any council or trust in the region, who will pass your request to us."
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "We’ll consider your request and get back to you within 10 working days."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Reporting accessibility problems with this website"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "We’re always looking to improve the accessibility of this website. If you find any problems not listed on this page or think we’re not meeting accessibility requirements, contact the editorial team in the same way. Tell us the web address of the page and what the problem is."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Enforcement procedure"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint, "
        },
        {
          "type": "text",
          "text": "contact the Equality Advisory and Support Service (EASS)",
          "marks": [
            {
              "type": "link",
              "attrs": {
                "href": "https://www.equalityadvisoryservice.com/"
              }
            }
          ]
        },
        {
          "type": "text",
          "text": "."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Technical information about this website’s accessibility"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "The West Midlands children’s services regional partnership is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 3
      },
      "content": [
        {
          "type": "text",
          "text": "Compliance status"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "This website is partially compliant with the "
        },
        {
          "type": "text",
          "text": "Web Content Accessibility Guidelines version 2.2",
          "marks": [
            {
              "type": "link",
              "attrs": {
                "href": "https://www.w3.org/TR/WCAG22/"
              }
            }
          ]
        },
        {
          "type": "text",
          "text": " AA standard. It has been tested by its development team but has not yet had an independent accessibility audit, so we cannot yet be sure it meets every requirement."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Non-accessible content"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "The content listed below is non-accessible for the following reasons."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 3
      },
      "content": [
        {
          "type": "text",
          "text": "Non-compliance with the accessibility regulations"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "We are not aware of any content on this website that fails the WCAG 2.2 AA success criteria. If you find any, please tell us and we will fix it."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 3
      },
      "content": [
        {
          "type": "text",
          "text": "Content that’s not within the scope of the accessibility regulations"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "Documents and websites published by other organisations that we link to are not within the scope of the regulations for this website. If one of them is essential to you, ask us for the information in another format."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "What we’re doing to improve accessibility"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "Every public page of this website is checked with automated accessibility testing (axe) and tested with a keyboard before each release. New images cannot be added to the bulletin without a text alternative or being marked as decorative."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Preparation of this accessibility statement"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "This statement was prepared on 3 December 2026. It was last reviewed on 3 December 2026."
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "This website was last tested on 3 December 2026 against the WCAG 2.2 AA standard. The test was carried out by the website’s development team, using automated checks on every public page and manual checks with a keyboard."
        }
      ]
    }
  ]
}$body$::jsonb),
  ('privacy', 'Privacy notice', $body${
  "type": "doc",
  "content": [
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "This notice explains what personal data the Regional Update website holds, why, how long we keep it and your rights."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Who we are"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "The Regional Update is published by the West Midlands children’s services regional partnership: the councils and children’s trusts of the region, working together. The partnership is the data controller for the personal data described in this notice."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "If you read the Regional Update"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "You do not need an account to read the bulletin, see events or search, and we do not ask readers for any personal information. The public pages set no cookies and use no analytics or tracking."
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "Like any website, our server sees your IP address when you visit. We use it only to keep the service secure, for example to slow down repeated attempts to sign in to the staff area, and we do not keep it with anything that identifies you."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 3
      },
      "content": [
        {
          "type": "text",
          "text": "Email updates"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "We plan to offer email updates when a new issue is published. If you sign up, we will keep your email address only to send them, and every email will let you unsubscribe. We will update this notice before they start."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "If you have a staff account"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "Editors, contributors, sponsors and administrators have an account to write, edit and approve the bulletin. For each account we hold:"
        }
      ]
    },
    {
      "type": "bulletList",
      "content": [
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "your name, work email address, organisation and role"
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "a password, stored only as a secure one-way hash, if you sign in with one"
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "a record of what you do in the system, such as edits, submissions, approvals and sign-ins, with the date and time (the audit log)"
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "the comments and notifications you send and receive"
                }
              ]
            }
          ]
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "People named in the bulletin"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "Articles and events name their authors, presenters and the people who sign them off, sometimes with a job title, organisation and photograph. We publish these with the agreement of the person or their organisation. Ask us if you want your details corrected or removed."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Our lawful basis"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "We process this data because it is necessary for a task carried out in the public interest (UK GDPR Article 6(1)(e)): the councils and trusts share news, learning and events with the children’s services workforce as part of their public functions, and need to know who changed and approved what they publish. For email updates, when they start, the basis will be your consent (Article 6(1)(a)), which you can withdraw at any time."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "How long we keep it"
        }
      ]
    },
    {
      "type": "bulletList",
      "content": [
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "Staff accounts: while you need access. When you no longer do, an administrator deactivates your account."
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "The audit log and the history of published content: for as long as the bulletin is published, as the record of what was published and who approved it. Your name in it is kept after your account is deactivated."
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "Counts of sign-in attempts, kept against an email address or IP address: they stop counting after 15 minutes."
                }
              ]
            }
          ]
        },
        {
          "type": "listItem",
          "content": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "Email update subscriptions, when they start: until you unsubscribe."
                }
              ]
            }
          ]
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Who we share it with"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "We do not sell personal data or share it for marketing. Our hosting and email providers process it on our behalf, under contract and only on our instructions."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Your rights"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "You have the right to ask for a copy of your personal data, to have it corrected, to have it deleted or its use restricted, and to object to how we use it. "
        },
        {
          "type": "text",
          "text": "The Information Commissioner’s Office explains your rights",
          "marks": [
            {
              "type": "link",
              "attrs": {
                "href": "https://ico.org.uk/for-the-public/"
              }
            }
          ]
        },
        {
          "type": "text",
          "text": "."
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "To use your rights or ask about your data, contact the data protection officer of your own council or trust if you work for one, or the Regional Update editorial team through the children’s services department of any council or trust in the region."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "How to complain"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "If you are unhappy with how we have used your data, please tell us first so we can put it right. You can also complain to the Information Commissioner’s Office (ICO): Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF, helpline 0303 123 1113, or "
        },
        {
          "type": "text",
          "text": "make a complaint on the ICO website",
          "marks": [
            {
              "type": "link",
              "attrs": {
                "href": "https://ico.org.uk/make-a-complaint/"
              }
            }
          ]
        },
        {
          "type": "text",
          "text": "."
        }
      ]
    },
    {
      "type": "heading",
      "attrs": {
        "level": 2
      },
      "content": [
        {
          "type": "text",
          "text": "Changes to this notice"
        }
      ]
    },
    {
      "type": "paragraph",
      "content": [
        {
          "type": "text",
          "text": "This notice was last updated on 3 December 2026."
        }
      ]
    }
  ]
}$body$::jsonb);
